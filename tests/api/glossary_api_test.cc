// Plain language through the real server (ENT-09): the partnership's glossary for the pages,
// and the acronyms an entry's author is asked to define.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/live_server.h"
#include "core/time.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

std::string Now() {
  return FormatTimestamp(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

// ENT-09
TEST(GlossaryApi, ENT09_GlossaryServedToSignedInUsers) {
  LiveServer server;
  EXPECT_EQ(server.Get("/api/v1/glossary", "").status, 401);
  HttpResult r = server.Get("/api/v1/glossary", server.SignIn("priya"));
  ASSERT_EQ(r.status, 200) << r.body;
  bool found = false;
  json::value body = r.Json();
  for (const json::value& t : body.at("terms").as_array()) {
    if (t.at("acronym") == "CAMHS") {
      EXPECT_EQ(t.at("meaning"), "Child and Adolescent Mental Health Services");
      found = true;
    }
  }
  EXPECT_TRUE(found) << r.body;
}

// ENT-09: an acronym the glossary lacks is flagged for definition, and the entry is kept.
TEST(GlossaryApi, ENT09_EntryWithUndefinedAcronymIsRecordedAndFlagged) {
  LiveServer server;
  std::string token = server.SignIn("sam");
  HttpResult child = server.Post("/api/v1/children", token,
                                 json::object{{"given_names", "Ruby"}, {"family_name", "Entwistle"},
                                              {"date_of_birth", "2017-05-01"}});
  ASSERT_EQ(child.status, 201) << child.body;
  std::string id(child.Json().at("person").at("id").as_string());
  json::object note{{"type", "case_note"},
                    {"occurred_at", Now()},
                    {"title", "Call from the SENCO"},
                    {"text", "The SENCO asked for a CAMHS referral before the S47 strategy meeting; XYZ9 to follow."},
                    {"classification", "fact"},
                    {"source", json::object{{"first_hand", true}}}};
  HttpResult r = server.Post("/api/v1/persons/" + id + "/entries", token, note);
  ASSERT_EQ(r.status, 201) << r.body;
  // SENCO is in the shipped glossary, CAMHS and S47 too; XYZ9 is not.
  json::value recorded = r.Json();
  EXPECT_EQ(json::serialize(recorded.at("undefined_acronyms")), R"(["XYZ9"])");
  std::string item(recorded.at("item").at("id").as_string());
  HttpResult journal = server.Get("/api/v1/persons/" + id + "/journal", token);
  ASSERT_EQ(journal.status, 200) << journal.body;
  EXPECT_NE(journal.body.find(item), std::string::npos);

  note["text"] = "Seen at home with the health visitor.";
  note["title"] = "Home visit";
  r = server.Post("/api/v1/persons/" + id + "/entries", token, note);
  ASSERT_EQ(r.status, 201) << r.body;
  json::value plain = r.Json();
  EXPECT_TRUE(plain.at("undefined_acronyms").as_array().empty());
}

}  // namespace
}  // namespace casework::testing
