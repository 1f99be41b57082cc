// REC-05: name search gives the same answers on PostgreSQL as on SQLite: one data set is
// loaded into both, changed in the same ways (other names, a new name, new details, a move, a
// restricted record), and every test query, with and without a date of birth, NHS number or
// council reference, is put to both, by a practitioner and by the manager who restricted the
// record. Needs a PostgreSQL server, so runs under scripts/test-postgres.
#include <gtest/gtest.h>

#include "app/persons.h"
#include "app/record_access_management.h"
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
  const char* postcode = "";  // a child with a case record has one
};

// Accents, apostrophes, hyphens, shared prefixes, repeated names and other scripts.
constexpr Named kPeople[] = {
    {"John", "Smith", "2012-01-03", nullptr, nullptr, "PR1 2AB"},
    {"Johnny", "Smithson", "2013-02-04", nullptr, nullptr, "LS6 4HN"},
    {"Jo", "Smythe", "2014-03-05", "Joanne", "Price"},
    {"Zoë", "O'Brien", "2015-04-06", nullptr, nullptr},
    {"Zoe", "Obrien-Walsh", "2016-05-07", nullptr, nullptr},
    {"Siobhán", "Ní Bhriain", "2017-06-08", nullptr, nullptr},
    {"Kayleigh Ann", "Price-Jones", "2018-07-09", "Kay", "Price"},
    {"Łukasz", "Wiśniewski", "2019-08-10", nullptr, nullptr},
    {"Amelia", "Smith", "2012-09-11", nullptr, nullptr, "PR1 2AB"},
    {"Amelia", "Smith", "2020-10-12", nullptr, nullptr, "PR2 9ZZ"},
    {"Дмитрий", "Иванов", "2011-11-13", nullptr, nullptr},
    {"Mohammed", "Al-Hassan", "2010-12-14", "Mo", "Hassan"},
    {"Mary-Jane", "Watson", "2013-01-15", nullptr, nullptr},
    {"Jean", "D'Arcy", "2014-02-16", nullptr, nullptr},
    {"Peter", "Johnson", "2015-03-17", nullptr, nullptr, "M1 1AA"},
    {"Jonah", "Smith", "2012-01-03", "Jo", "Price", "PR1 2AB"},
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
    if (*p.postcode) {
      in.open_case_record = true;
      in.address = Address{"", "1 High Street", "", "Town", p.postcode, {}, {}};
    }
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

// The same changes on either database: a new family name and NHS number, a move, a restricted
// record.
void Change(TestServices& t, const Actor& actor, const Actor& manager, const std::vector<std::string>& ids) {
  Result<PersonRecord> john = GetPersonRecord(t.services(), actor, ids[0]);
  ASSERT_TRUE(john.ok());
  DetailsPatch patch;
  patch.version = john->person().version;
  patch.family_name = "Smith-Hughes";
  patch.nhs_number = "943 476 5919";
  ASSERT_TRUE(UpdateDetails(t.services(), actor, ids[0], patch).ok());
  ASSERT_TRUE(AddAddress(t.services(), actor, ids[8], {"", "9 Mill Lane", "", "Town", "PR1 2AB", {}, {}}).ok());
  ASSERT_TRUE(SetRestriction(t.services(), manager, ids[9], {true, {}, "adoption"}).ok());
}

// Each result as the person's place in kPeople with what it shows, so the two databases' own
// ids do not matter.
std::vector<std::string> Answer(TestServices& t, const Actor& actor, const std::vector<std::string>& ids,
                                const store::PersonQuery& q) {
  Result<std::vector<PersonSummary>> found = SearchPersons(t.services(), actor, q);
  EXPECT_TRUE(found.ok()) << q.name << ": " << found.status().ToString();
  std::vector<std::string> out;
  if (!found.ok()) return out;
  for (const PersonSummary& s : *found) {
    size_t index = std::find(ids.begin(), ids.end(), s.id) - ids.begin();
    out.push_back(std::to_string(index) + " " + s.display_name + " [" + s.matched_name + "] " +
                  (s.date_of_birth ? FormatDate(*s.date_of_birth) : "") + " " + s.nhs_number + " " +
                  s.council_reference + " " + s.postcode + (s.unborn ? " unborn" : ""));
  }
  return out;
}

TEST(PersonSearchParity, REC05_SameResultsOnSqliteAndPostgres) {
  if (!TestDatabase::UsingPostgres()) GTEST_SKIP() << "needs a PostgreSQL server (scripts/test-postgres)";
  TestServices sqlite(TestDatabase::Backend::kSqlite);
  TestServices postgres(TestDatabase::Backend::kPostgres);
  Actor on_sqlite = sqlite.AddActor("sam", Role::kPractitioner);
  Actor on_postgres = postgres.AddActor("sam", Role::kPractitioner);
  Actor manager_on_sqlite = sqlite.AddActor("maureen", Role::kTeamManager);
  Actor manager_on_postgres = postgres.AddActor("maureen", Role::kTeamManager);
  std::vector<std::string> sqlite_ids = Load(sqlite, on_sqlite);
  std::vector<std::string> postgres_ids = Load(postgres, on_postgres);
  int nonempty = 0;
  auto compare = [&](const store::PersonQuery& q, const char* when) {
    std::vector<std::string> expected = Answer(sqlite, on_sqlite, sqlite_ids, q);
    EXPECT_EQ(Answer(postgres, on_postgres, postgres_ids, q), expected) << "query: " << q.name << ", " << when;
    EXPECT_EQ(Answer(postgres, manager_on_postgres, postgres_ids, q),
              Answer(sqlite, manager_on_sqlite, sqlite_ids, q))
        << "query: " << q.name << ", by the manager, " << when;
    nonempty += !expected.empty();
  };
  for (const char* query : kQueries) {
    store::PersonQuery q;
    q.name = query;
    compare(q, "before the changes");
  }
  EXPECT_GT(nonempty, 20);  // the queries do find people

  Change(sqlite, on_sqlite, manager_on_sqlite, sqlite_ids);
  Change(postgres, on_postgres, manager_on_postgres, postgres_ids);
  nonempty = 0;
  for (const char* query : kQueries) {
    store::PersonQuery q;
    q.name = query;
    compare(q, "after the changes");
    q.date_of_birth = *ParseDate("2012-01-03", "born");
    compare(q, "born 2012-01-03");
    q.date_of_birth.reset();
    q.nhs_number = "9434765919";
    compare(q, "with an NHS number");
    q.nhs_number.clear();
    q.council_reference = "CW000002";
    compare(q, "with a council reference");
    q.council_reference.clear();
    q.limit = 1;
    compare(q, "a page of one");
  }
  EXPECT_GT(nonempty, 40);
}

}  // namespace
}  // namespace casework::app
