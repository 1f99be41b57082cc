// What the web pages need beyond the record itself: the home page's caseload, and drafts
// kept on the server so an automatic log out loses no work.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/live_server.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

class WebSupportApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new LiveServer(); }
  static void TearDownTestSuite() { delete server; }

  std::string CreateChild(const std::string& token, const std::string& family) {
    HttpResult r = server->Post("/api/v1/children", token,
                                json::object{{"given_names", "Rosa"}, {"family_name", family},
                                             {"date_of_birth", "2019-06-01"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.Json().at("person").at("id").as_string());
  }
  static std::vector<std::string> Names(const HttpResult& r) {
    std::vector<std::string> out;
    json::value body = r.Json();
    for (const json::value& c : body.at("children").as_array()) {
      out.emplace_back(c.at("display_name").as_string());
    }
    return out;
  }
  HttpResult Put(const std::string& target, const std::string& token, const json::value& body) {
    return server->Send("PUT", target, token, json::serialize(body), {{"Content-Type", "application/json"}});
  }

  static LiveServer* server;
};
LiveServer* WebSupportApi::server = nullptr;

// TIM-05: each practitioner sees the children allocated to them; their manager sees the team's.
TEST_F(WebSupportApi, TIM05_CaseloadListsAllocatedChildrenWithWhatIsDue) {
  std::string sam = server->SignIn("sam"), jo = server->SignIn("jo"), maureen = server->SignIn("maureen");
  std::string id = CreateChild(sam, "Caseloadsam");
  CreateChild(jo, "Caseloadjo");
  ASSERT_EQ(server->Post("/api/v1/persons/" + id + "/entries", sam,
                         json::object{{"type", "decision"},
                                      {"occurred_at", "2026-01-05T10:00:00Z"},
                                      {"classification", "decision"},
                                      {"text", "Continue the assessment."},
                                      {"source", json::object{{"first_hand", true}}},
                                      {"wishes_and_feelings", "Rosa wants to stay at her school."},
                                      {"decision", json::object{{"decided_by", "Sam"},
                                                                {"decided_by_post_title", "Social Worker"},
                                                                {"reasons", "Needs are not yet clear."},
                                                                {"review_date", "2026-02-01"}}}})
                .status,
            201);

  HttpResult mine = server->Get("/api/v1/caseload", sam);
  ASSERT_EQ(mine.status, 200) << mine.body;
  std::vector<std::string> names = Names(mine);
  EXPECT_NE(std::find(names.begin(), names.end(), "Rosa Caseloadsam"), names.end());
  EXPECT_EQ(std::find(names.begin(), names.end(), "Rosa Caseloadjo"), names.end());
  json::value body = mine.Json();
  for (const json::value& c : body.at("children").as_array()) {
    if (c.at("display_name").as_string() != "Rosa Caseloadsam") continue;
    EXPECT_EQ(c.at("allocated_worker").at("full_name").as_string(), "Test sam");
    EXPECT_EQ(c.at("decisions_due").as_int64(), 1);
    EXPECT_GT(c.at("missing_details").as_int64(), 0);
    EXPECT_TRUE(c.at("last_recorded_at").is_string());
  }

  // The record's summary names who it is allocated to.
  HttpResult record = server->Get("/api/v1/persons/" + id, sam);
  EXPECT_EQ(record.Json().at("case_record").at("allocated_worker").at("full_name").as_string(), "Test sam");

  std::vector<std::string> team = Names(server->Get("/api/v1/caseload?scope=team", maureen));
  EXPECT_NE(std::find(team.begin(), team.end(), "Rosa Caseloadsam"), team.end());
  EXPECT_EQ(std::find(team.begin(), team.end(), "Rosa Caseloadjo"), team.end());

  EXPECT_EQ(server->Get("/api/v1/caseload?scope=team", sam).status, 403);
  HttpResult bad = server->Get("/api/v1/caseload?scope=everyone", sam);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().at("error").at("field").as_string(), "scope");
  EXPECT_EQ(server->Get("/api/v1/caseload", server->SignIn("ade")).status, 403);
}

// SEC-02: a draft saved before an automatic log out is there after signing in again, and is
// the user's alone.
TEST_F(WebSupportApi, SEC02_DraftSurvivesSigningOutAndIsPrivate) {
  std::string sam = server->SignIn("sam");
  std::string id = CreateChild(sam, "Drafted");
  std::string key = "entry-" + id;
  HttpResult saved = Put("/api/v1/drafts/" + key, sam,
                         json::object{{"record_id", id}, {"content", json::object{{"text", "Half a note"}}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  ASSERT_EQ(server->Send("DELETE", "/api/v1/sessions/current", sam).status, 204);

  std::string again = server->SignIn("sam");
  HttpResult back = server->Get("/api/v1/drafts/" + key, again);
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.Json().at("draft").at("content").at("text").as_string(), "Half a note");
  EXPECT_EQ(back.Json().at("draft").at("record_id").as_string(), id);
  HttpResult listed = server->Get("/api/v1/drafts", again);
  ASSERT_EQ(listed.status, 200);
  EXPECT_FALSE(listed.Json().at("drafts").as_array().empty());

  EXPECT_EQ(server->Get("/api/v1/drafts/" + key, server->SignIn("jo")).status, 404);

  ASSERT_EQ(Put("/api/v1/drafts/" + key, again, json::object{{"record_id", id}, {"content", json::object{{"text", "Whole"}}}})
                .status,
            200);
  EXPECT_EQ(server->Get("/api/v1/drafts/" + key, again).Json().at("draft").at("content").at("text").as_string(),
            "Whole");
  EXPECT_EQ(server->Send("DELETE", "/api/v1/drafts/" + key, again).status, 204);
  EXPECT_EQ(server->Get("/api/v1/drafts/" + key, again).status, 404);
}

TEST_F(WebSupportApi, DraftsRefuseBadInputAndRecordsTheUserMayNotWrite) {
  std::string sam = server->SignIn("sam");
  std::string id = CreateChild(sam, "Guarded");
  HttpResult bad_key = Put("/api/v1/drafts/no%20spaces", sam, json::object{{"content", json::object{}}});
  EXPECT_EQ(bad_key.status, 400) << bad_key.body;
  EXPECT_EQ(bad_key.Json().at("error").at("field").as_string(), "key");
  HttpResult no_content = Put("/api/v1/drafts/k1", sam, json::object{{"record_id", id}});
  EXPECT_EQ(no_content.status, 400);
  EXPECT_EQ(no_content.Json().at("error").at("field").as_string(), "content");
  HttpResult not_object = Put("/api/v1/drafts/k1", sam, json::object{{"content", "text"}});
  EXPECT_EQ(not_object.Json().at("error").at("field").as_string(), "content");
  HttpResult no_record = Put("/api/v1/drafts/k1", sam,
                             json::object{{"record_id", "01ZZZZZZZZZZZZZZZZZZZZZZZZ"}, {"content", json::object{}}});
  EXPECT_EQ(no_record.status, 400);
  EXPECT_EQ(no_record.Json().at("error").at("field").as_string(), "record_id");
  // SEC-04: an auditor may read records but not write to them, so may keep no draft for one.
  HttpResult auditor = Put("/api/v1/drafts/k1", server->SignIn("alex"),
                           json::object{{"record_id", id}, {"content", json::object{}}});
  EXPECT_EQ(auditor.status, 403);
  EXPECT_EQ(server->Get("/api/v1/drafts/k1", sam).status, 404);
}

// EQU-01: the pages offer the partnership's own lists for a child's details.
TEST_F(WebSupportApi, EQU01_ChoicesComeFromThePartnershipsSettings) {
  HttpResult r = server->Get("/api/v1/choices", server->SignIn("sam"));
  ASSERT_EQ(r.status, 200) << r.body;
  json::value body = r.Json();
  const json::array& ethnicities = body.at("ethnicities").as_array();
  EXPECT_NE(std::find(ethnicities.begin(), ethnicities.end(), json::value("Gypsy/Roma")), ethnicities.end());
  EXPECT_FALSE(body.at("religions").as_array().empty());
  EXPECT_FALSE(body.at("genders").as_array().empty());
  EXPECT_EQ(server->Get("/api/v1/choices", "").status, 401);
}

}  // namespace
}  // namespace casework::testing
