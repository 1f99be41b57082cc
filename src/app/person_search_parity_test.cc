// REC-04: name search gives the same answers on PostgreSQL (full text and trigrams) as on
// SQLite (FTS5): one data set is loaded into both and every test query is put to both.
// Needs a PostgreSQL server, so runs under scripts/test-postgres.
#include <gtest/gtest.h>

#include "app/persons.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestDatabase;
using testing::TestServices;

struct Named {
  const char* given;
  const char* family;
  const char* born;
  const char* alias_given;  // another name they are known by, or null
  const char* alias_family;
};

// Accents, apostrophes, hyphens, shared prefixes, repeated names and other scripts.
constexpr Named kPeople[] = {
    {"John", "Smith", "2012-01-03", nullptr, nullptr},
    {"Johnny", "Smithson", "2013-02-04", nullptr, nullptr},
    {"Jo", "Smythe", "2014-03-05", "Joanne", "Price"},
    {"Zoë", "O'Brien", "2015-04-06", nullptr, nullptr},
    {"Zoe", "Obrien-Walsh", "2016-05-07", nullptr, nullptr},
    {"Siobhán", "Ní Bhriain", "2017-06-08", nullptr, nullptr},
    {"Kayleigh Ann", "Price-Jones", "2018-07-09", "Kay", "Price"},
    {"Łukasz", "Wiśniewski", "2019-08-10", nullptr, nullptr},
    {"Amelia", "Smith", "2012-09-11", nullptr, nullptr},
    {"Amelia", "Smith", "2020-10-12", nullptr, nullptr},
    {"Дмитрий", "Иванов", "2011-11-13", nullptr, nullptr},
    {"Mohammed", "Al-Hassan", "2010-12-14", "Mo", "Hassan"},
    {"Mary-Jane", "Watson", "2013-01-15", nullptr, nullptr},
    {"Jean", "D'Arcy", "2014-02-16", nullptr, nullptr},
    {"Peter", "Johnson", "2015-03-17", nullptr, nullptr},
};

constexpr const char* kQueries[] = {
    "jo",        "john",  "smi",         "smith",      "jo smi",  "smith jo", "zoe",     "zoë o'brien", "obrien",
    "o brien",   "walsh", "price",       "kay pri",    "siobhan", "ni",       "lukasz",  "wisniewski",  "amelia smith",
    "дмитрий",   "иван",  "mo",          "hassan",     "al",      "mary",     "jane w",  "darcy",       "d'arcy",
    "johnson p", "x",     "smith smith", "JOHN SMITH", "  jo   ", "-",        "peter's", "100%",        "jo_smi",
};

std::vector<std::string> Load(TestServices& t, const Actor& actor) {
  std::vector<std::string> ids;
  for (const Named& p : kPeople) {
    NewPerson in;
    in.details.given_names = p.given;
    in.details.family_name = p.family;
    in.details.date_of_birth = *ParseDate(p.born, "born");
    Result<CreateOutcome> out = CreatePerson(t.services(), actor, in);
    if (out.ok() && !out->created) {
      for (const DuplicateMatch& d : out->duplicates) in.not_duplicates.push_back(d.person_id);
      out = CreatePerson(t.services(), actor, in);
    }
    EXPECT_TRUE(out.ok() && out->created) << p.given << " " << p.family;
    std::string id = out.ok() && out->created ? out->created->id : "";
    if (p.alias_given && !id.empty()) {
      EXPECT_TRUE(
          AddOtherName(t.services(), actor, id, {"", NameKind::kAlias, p.alias_given, p.alias_family, "", {}}).ok());
    }
    ids.push_back(id);
  }
  return ids;
}

// Each result as the person's place in kPeople and the name that matched, so the two
// databases' own ids do not matter.
std::vector<std::string> Answer(TestServices& t, const Actor& actor, const std::vector<std::string>& ids,
                                const std::string& name) {
  store::PersonQuery q;
  q.name = name;
  Result<std::vector<PersonSummary>> found = SearchPersons(t.services(), actor, q);
  EXPECT_TRUE(found.ok()) << name << ": " << found.status().ToString();
  std::vector<std::string> out;
  if (!found.ok()) return out;
  for (const PersonSummary& s : *found) {
    size_t index = std::find(ids.begin(), ids.end(), s.id) - ids.begin();
    out.push_back(std::to_string(index) + " " + s.display_name + " [" + s.matched_name + "]");
  }
  return out;
}

TEST(PersonSearchParity, REC04_SameResultsOnSqliteAndPostgres) {
  if (!TestDatabase::UsingPostgres()) GTEST_SKIP() << "needs a PostgreSQL server (scripts/test-postgres)";
  TestServices sqlite(TestDatabase::Backend::kSqlite);
  TestServices postgres(TestDatabase::Backend::kPostgres);
  Actor on_sqlite = sqlite.AddActor("sam", Role::kPractitioner);
  Actor on_postgres = postgres.AddActor("sam", Role::kPractitioner);
  std::vector<std::string> sqlite_ids = Load(sqlite, on_sqlite);
  std::vector<std::string> postgres_ids = Load(postgres, on_postgres);
  int nonempty = 0;
  for (const char* query : kQueries) {
    std::vector<std::string> expected = Answer(sqlite, on_sqlite, sqlite_ids, query);
    EXPECT_EQ(Answer(postgres, on_postgres, postgres_ids, query), expected) << "query: " << query;
    nonempty += !expected.empty();
  }
  EXPECT_GT(nonempty, 20);  // the queries do find people
}

}  // namespace
}  // namespace casework::app
