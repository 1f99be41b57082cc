// The record summary and the case note are answered from the database writer's thread once
// what they write has committed: through the real server, each still answers as before, and
// when the commit fails the client is told of the failure and never given the data.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/live_server.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

// Makes every insert into table fail inside the unit of work that runs it, by a trigger.
std::string RefuseInserts(store::Dialect dialect, const std::string& table) {
  if (dialect == store::Dialect::kSqlite) {
    return "CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table +
           " BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;";
  }
  return "CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS "
         "$$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$; "
         "CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table +
         " FOR EACH ROW EXECUTE FUNCTION refuse_insert();";
}

std::string AllowInserts(store::Dialect dialect, const std::string& table) {
  if (dialect == store::Dialect::kSqlite) return "DROP TRIGGER refuse_" + table + ";";
  return "DROP TRIGGER refuse_" + table + " ON " + table + "; DROP FUNCTION refuse_insert();";
}

// Lets every insert into table run, but leaves the transaction holding it unable to commit: a
// row pointing at nothing, which a deferred foreign key refuses only at COMMIT.
std::string SpoilCommitsAfterInserts(store::Dialect dialect, const std::string& table) {
  std::string owed =
      "CREATE TABLE owed_to (id TEXT PRIMARY KEY);"
      "CREATE TABLE owed_to_nobody (owed TEXT REFERENCES owed_to (id) DEFERRABLE INITIALLY DEFERRED);";
  if (dialect == store::Dialect::kSqlite) {
    return owed + "CREATE TRIGGER spoil_" + table + " AFTER INSERT ON " + table +
           " BEGIN INSERT INTO owed_to_nobody VALUES ('nobody'); END;";
  }
  return owed +
         "CREATE FUNCTION spoil_commit() RETURNS trigger LANGUAGE plpgsql AS "
         "$$ BEGIN INSERT INTO owed_to_nobody VALUES ('nobody'); RETURN NEW; END $$; "
         "CREATE TRIGGER spoil_" + table + " AFTER INSERT ON " + table +
         " FOR EACH ROW EXECUTE FUNCTION spoil_commit();";
}

class AnswersAfterCommitApi : public ::testing::Test {
 protected:
  void SetUp() override {
    sam = server.SignIn("sam");
    HttpResult made = server.Post("/api/v1/children", sam,
                                  json::object{{"given_names", "Amelia"}, {"family_name", "Quartermaine"},
                                               {"date_of_birth", "2018-04-02"}});
    ASSERT_EQ(made.status, 201) << made.body;
    record = "/api/v1/persons/" + std::string(made.Json().at("person").at("id").as_string());
  }

  store::Dialect dialect() const { return server.database()->dialect(); }
  // On SQLite a read's line goes to the access log file; on PostgreSQL, the one database.
  void TamperWithReadsLog(const std::string& sql) {
    if (dialect() == store::Dialect::kSqlite) {
      server.database()->TamperAccessLogFile(sql);
    } else {
      server.database()->Tamper(sql);
    }
  }
  // How many times the access log shows the record opened, as its manager may read it.
  int TimesOpened() {
    HttpResult log = server.Get(record + "/access-log", server.SignIn("maureen"));
    EXPECT_EQ(log.status, 200) << log.body;
    int opened = 0;
    json::value events = log.Json().at("events");
    for (const json::value& e : events.as_array()) {
      opened += e.at("detail").as_string() == "opened the record" && e.at("outcome").as_string() == "allowed";
    }
    return opened;
  }
  size_t JournalItems() { return server.Get(record + "/journal", sam).Json().at("items").as_array().size(); }

  json::object note{{"type", "case_note"},
                    {"occurred_at", "2026-01-05T10:00:00Z"},
                    {"text", "Home visit; Amelia was seen alone in her room."},
                    {"classification", "fact"},
                    {"source", json::object{{"first_hand", true}}}};
  LiveServer server;
  std::string sam;
  std::string record;
};

// GOV-06: the summary goes out after its read's line is committed, so each one answered is
// already in the log when the client has it.
TEST_F(AnswersAfterCommitApi, GOV06_ASummaryAnsweredIsAlreadyLogged) {
  for (int i = 1; i <= 3; ++i) {
    HttpResult r = server.Get(record, sam);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.Json().at("details").at("family_name").as_string(), "Quartermaine");
    EXPECT_EQ(TimesOpened(), i);
  }
}

// GOV-06: when the read's line cannot be written, the client gets the error it would have got
// waiting for the line, and none of the record.
TEST_F(AnswersAfterCommitApi, GOV06_ASummaryWhoseReadCannotBeLoggedIsNotSent) {
  ASSERT_EQ(server.Get(record, sam).status, 200);  // the session and summary now kept
  TamperWithReadsLog(RefuseInserts(dialect(), "access_log"));
  HttpResult refused = server.Get(record, sam);
  EXPECT_EQ(refused.status, 500) << refused.body;
  EXPECT_EQ(refused.body.find("Quartermaine"), std::string::npos) << refused.body;
  EXPECT_TRUE(refused.Json().at("error").is_object()) << refused.body;

  TamperWithReadsLog(AllowInserts(dialect(), "access_log"));
  HttpResult again = server.Get(record, sam);
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(TimesOpened(), 2);
}

// GOV-06: the same when the line is written but its batch's commit fails.
TEST_F(AnswersAfterCommitApi, GOV06_ASummaryWhoseLogCommitFailsIsNotSent) {
  TamperWithReadsLog(SpoilCommitsAfterInserts(dialect(), "access_log"));
  HttpResult refused = server.Get(record, sam);
  EXPECT_EQ(refused.status, 500) << refused.body;
  EXPECT_EQ(refused.body.find("Quartermaine"), std::string::npos) << refused.body;
}

// ENT-01: a case note is answered with the item recorded, once it is committed.
TEST_F(AnswersAfterCommitApi, ENT01_ACaseNoteIsAnsweredWithTheItemCommitted) {
  const size_t before = JournalItems();
  for (size_t i = 1; i <= 3; ++i) {
    HttpResult r = server.Post(record + "/entries", sam, note);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.Json().at("item").at("kind").as_string(), "entry.case_note") << r.body;
    EXPECT_EQ(JournalItems(), before + i);
  }
}

// A note whose unit of work fails, or whose commit fails, is answered with the error and no
// item, and is not in the record: nothing acknowledged is lost, nothing lost acknowledged.
TEST_F(AnswersAfterCommitApi, ACaseNoteThatIsNotCommittedIsNotAcknowledged) {
  ASSERT_EQ(server.Post(record + "/entries", sam, note).status, 201);
  const size_t before = JournalItems();
  server.database()->Tamper(RefuseInserts(dialect(), "journal"));
  HttpResult refused = server.Post(record + "/entries", sam, note);
  EXPECT_EQ(refused.status, 500) << refused.body;
  EXPECT_FALSE(refused.Json().as_object().contains("item")) << refused.body;
  server.database()->Tamper(AllowInserts(dialect(), "journal"));

  server.database()->Tamper(SpoilCommitsAfterInserts(dialect(), "journal"));
  HttpResult spoilt = server.Post(record + "/entries", sam, note);
  EXPECT_EQ(spoilt.status, 500) << spoilt.body;
  EXPECT_FALSE(spoilt.Json().as_object().contains("item")) << spoilt.body;
  EXPECT_EQ(JournalItems(), before);
}

// A write the database refuses is answered with a reference for IT staff, not with the
// database's own words, which name its tables and columns.
TEST_F(AnswersAfterCommitApi, ARefusedWriteDoesNotTellTheClientTheDatabasesInternals) {
  server.database()->Tamper(RefuseInserts(dialect(), "journal"));
  HttpResult refused = server.Post(record + "/entries", sam, note);
  server.database()->Tamper(AllowInserts(dialect(), "journal"));
  ASSERT_EQ(refused.status, 500) << refused.body;
  EXPECT_EQ(refused.body.find("database error"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.body.find("unexpected failure"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.body.find("refused for the test"), std::string::npos) << refused.body;
  EXPECT_EQ(refused.body.find("journal"), std::string::npos) << refused.body;
  const boost::json::object error = refused.Json().at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), "internal");
  EXPECT_FALSE(error.at("reference").as_string().empty()) << refused.body;
}

}  // namespace
}  // namespace casework::testing
