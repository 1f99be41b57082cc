// casework init on either backend, and casework migrate: a council's SQLite file copied into
// PostgreSQL, after which both verify.
#include <gtest/gtest.h>

#include <filesystem>

#include "api/live_server.h"
#include "app/entries.h"
#include "app/persons.h"
#include "store/access_log_file.h"
#include "store/person_repo.h"
#include "support/test_services.h"

namespace casework::testing {
namespace {

// A small council: children with records and entries, an alias, and the access log that
// all of it wrote.
void Fill(TestServices& t) {
  app::Actor sam = t.AddActor("sam", Role::kPractitioner);
  app::Actor admin = t.AddActor("admin", Role::kAdministrator);
  for (const char* family : {"Clarke", "Nowak", "O'Neill"}) {
    app::NewPerson p;
    p.details.given_names = "Ellie";
    p.details.family_name = family;
    p.open_case_record = true;
    Result<app::CreateOutcome> made = app::CreatePerson(t.services(), sam, p);
    ASSERT_TRUE(made.ok() && made->created) << family;
    for (int i = 0; i < 3; ++i) {
      Entry e;
      e.occurred_at = t.clock().Now();
      // Tabs, line ends and backslashes are what COPY's text format must escape.
      e.text = std::string("Visited ") + family + " " + std::to_string(i) + "\n\tseen at C:\\school\r\n";
      ASSERT_TRUE(app::RecordEntry(t.services(), sam, made->created->id, e).ok());
    }
    ASSERT_TRUE(
        app::AddOtherName(t.services(), sam, made->created->id, {"", NameKind::kAlias, "El", family, "", {}}).ok());
    // Reads and a refusal, whose lines an SQLite database keeps in its access log file.
    ASSERT_TRUE(app::GetPersonRecord(t.services(), sam, made->created->id).ok());
    ASSERT_FALSE(app::GetPersonRecord(t.services(), admin, made->created->id).ok());
  }
}

// How many access log lines are on the chain the SQLite access log file's writer appends to.
int64_t LinesOfReads(store::Database& db) {
  int64_t n = -1;
  EXPECT_TRUE(db.Read([&](store::Connection& c) {
                  auto rows = c.Query("SELECT COUNT(*) FROM access_log WHERE chain = ?",
                                      {std::string_view(store::kAccessLogFileChain)});
                  rows->Next();
                  n = rows->Int(0);
                  return Status::Ok();
                }).ok());
  return n;
}

// The line `casework verify` prints on what it checked.
std::string Checked(const CommandResult& verify) {
  size_t start = verify.output.find("Checked ");
  return verify.output.substr(start, verify.output.find(" access log") - start);
}

TEST(MigrateCommand, CopiesEverythingAndBothVerify) {
  if (!TestDatabase::UsingPostgres()) GTEST_SKIP() << "needs a PostgreSQL server (scripts/test-postgres)";
  TestServices source(TestDatabase::Backend::kSqlite);
  Fill(source);
  TestDatabase target(TestDatabase::Backend::kPostgres);
  std::string from = "sqlite:" + source.database().location();

  CommandResult copied = RunCasework({"migrate", "--from", from, "--to", target.location()});
  ASSERT_EQ(copied.exit_code, 0) << copied.output;
  EXPECT_NE(copied.output.find("journal: 15"), std::string::npos) << copied.output;

  CommandResult on_sqlite = RunCasework({"verify", "--db", source.database().location()});
  CommandResult on_postgres = RunCasework({"verify", "--database-url", target.location()});
  EXPECT_EQ(on_sqlite.exit_code, 0) << on_sqlite.output;
  EXPECT_EQ(on_postgres.exit_code, 0) << on_postgres.output;
  EXPECT_NE(on_postgres.output.find("All intact"), std::string::npos) << on_postgres.output;
  EXPECT_EQ(Checked(on_postgres), Checked(on_sqlite));
  EXPECT_NE(Checked(on_postgres).find("15 journal items in 3 records"), std::string::npos) << on_postgres.output;

  // GOV-06: the lines of reads, kept in the SQLite access log file, are in PostgreSQL's one log.
  std::unique_ptr<store::Database> db = target.Open();
  EXPECT_EQ(LinesOfReads(*db), 6);
  EXPECT_EQ(LinesOfReads(source.services().access_log_db), 6);

  // Copied data works on PostgreSQL: the alias is found there, and new writes carry on the chains.
  std::vector<std::string> found;
  ASSERT_TRUE(db->Read([&](store::Connection& c) {
                  store::PersonQuery q;
                  q.name = "el now";
                  for (const PersonSummary& s : store::PersonRepo(c).Search(q)) found.push_back(s.display_name);
                  return Status::Ok();
                }).ok());
  EXPECT_EQ(found, std::vector<std::string>{"Ellie Nowak"});

  // A second copy into the now full database is refused, and changes nothing.
  CommandResult again = RunCasework({"migrate", "--from", from, "--to", target.location()});
  EXPECT_NE(again.exit_code, 0);
  EXPECT_NE(again.output.find("already holds data"), std::string::npos) << again.output;
  EXPECT_EQ(Checked(RunCasework({"verify", "--database-url", target.location()})), Checked(on_sqlite));
}

// casework init makes a new database on the run's backend, then finds it up to date.
TEST(InitCommand, CreatesThenFindsUpToDate) {
  TestDatabase fresh;
  std::vector<std::string> args = fresh.CommandArgs();
  args.insert(args.begin(), "init");
  CommandResult first = RunCasework(args);
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("now has schema"), std::string::npos) << first.output;
  CommandResult second = RunCasework(args);
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("is up to date"), std::string::npos) << second.output;
}

// A new install makes the database and its access log file together; Casework then refuses
// to open either without the other rather than start an empty log (GOV-06).
TEST(InitCommand, GOV06_ADatabaseWithoutItsAccessLogFileIsRefused) {
  TempDir dir;
  std::string db = dir.File("council.db");
  std::string log = store::AccessLogFilePath(db);
  CommandResult made = RunCasework({"init", "--db", db});
  ASSERT_EQ(made.exit_code, 0) << made.output;
  EXPECT_TRUE(std::filesystem::exists(db));
  EXPECT_TRUE(std::filesystem::exists(log));
  ASSERT_EQ(RunCasework({"verify", "--db", db}).exit_code, 0);

  std::filesystem::rename(log, log + ".away");
  for (const char* command : {"verify", "init", "serve"}) {
    CommandResult refused = RunCasework({command, "--db", db});
    EXPECT_EQ(refused.exit_code, 1) << command;
    EXPECT_NE(refused.output.find("the access log file " + log + " is missing"), std::string::npos)
        << command << ": " << refused.output;
    EXPECT_FALSE(std::filesystem::exists(log)) << command << " made a new, empty access log file";
  }

  // The other way round: the access log file alone is not taken for a new database's.
  std::filesystem::rename(log + ".away", log);
  for (const char* gone : {"", "-wal", "-shm"}) std::filesystem::remove(db + gone);
  CommandResult alone = RunCasework({"init", "--db", db});
  EXPECT_EQ(alone.exit_code, 1);
  EXPECT_NE(alone.output.find("but its database " + db + " is not"), std::string::npos) << alone.output;
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(MigrateCommand, RefusesWhatItCannotCopy) {
  TempDir dir;
  CommandResult no_file = RunCasework(
      {"migrate", "--from", "sqlite:" + dir.File("none.db"), "--to", "postgresql://casework@127.0.0.1:1/casework"});
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_NE(no_file.output.find("--from"), std::string::npos) << no_file.output;
  TestServices source(TestDatabase::Backend::kSqlite);
  CommandResult not_postgres =
      RunCasework({"migrate", "--from", "sqlite:" + source.database().location(), "--to", dir.File("other.db")});
  EXPECT_EQ(not_postgres.exit_code, 2);
  EXPECT_NE(not_postgres.output.find("--to"), std::string::npos) << not_postgres.output;
}

}  // namespace
}  // namespace casework::testing
