// The foundation's API through the real server: records, entries, search, and refusal of
// bad input with nothing saved.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/live_server.h"
#include "core/time.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

class FoundationApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new LiveServer(); }
  static void TearDownTestSuite() { delete server; }
  void SetUp() override { token = server->SignIn("sam"); }

  json::object NewChild(const std::string& family) {
    return json::object{{"given_names", "Amelia"}, {"family_name", family}, {"date_of_birth", "2018-04-02"}};
  }
  std::string CreateChild(const std::string& family) { return CreateChildFrom(NewChild(family)); }
  std::string CreateChildFrom(const json::object& child) {
    HttpResult r = server->Post("/api/v1/children", token, child);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.Json().at("person").at("id").as_string());
  }
  // Nothing is saved: no one by this family name exists.
  int CountNamed(const std::string& family) {
    HttpResult r = server->Get("/api/v1/persons?name=" + family, token);
    return static_cast<int>(r.Json().at("results").as_array().size());
  }
  void ExpectError(const HttpResult& r, int status, const std::string& field) {
    EXPECT_EQ(r.status, status) << r.body;
    json::value body = r.Json();
    ASSERT_TRUE(body.is_object()) << r.body;
    const json::object& error = body.at("error").as_object();
    EXPECT_FALSE(error.at("message").as_string().empty());
    if (!field.empty()) {
      ASSERT_TRUE(error.contains("field")) << r.body;
      EXPECT_EQ(error.at("field").as_string(), field) << r.body;
    }
  }

  static LiveServer* server;
  std::string token;
};
LiveServer* FoundationApi::server = nullptr;

TEST_F(FoundationApi, EveryCallNeedsASignedInUser) {
  ExpectError(server->Get("/api/v1/persons?name=a", ""), 401, "");
  ExpectError(server->Get("/api/v1/persons?name=a", std::string(64, 'a')), 401, "");
  HttpResult wrong = SendHttp(server->port(), "POST", "/api/v1/sessions",
                              R"({"username":"sam","password":"not the password"})", {});
  ExpectError(wrong, 401, "");
}

// REC-01: a child's record through the API, with its council reference and journal.
TEST_F(FoundationApi, REC01_CreateAndOpenAChildsRecord) {
  std::string id = CreateChild("Foster");
  HttpResult r = server->Get("/api/v1/persons/" + id, token);
  ASSERT_EQ(r.status, 200) << r.body;
  json::value v = r.Json();
  EXPECT_EQ(v.at("display_name").as_string(), "Amelia Foster");
  EXPECT_TRUE(v.at("case_record").at("council_reference").is_string());
  EXPECT_TRUE(v.at("age").at("stage").is_string());
  EXPECT_FALSE(v.at("complete").as_bool());
  HttpResult journal = server->Get("/api/v1/persons/" + id + "/journal", token);
  ASSERT_EQ(journal.status, 200);
  EXPECT_EQ(journal.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_NE(r.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_FALSE(r.Header("x-session-expires-in").empty());
}

// PRA-03: the record gives the child's age and developmental stage, for the summary and
// every entry form (decisions included) to show; a birthday moves the child on that day.
TEST_F(FoundationApi, PRA03_AgeAndDevelopmentalStageOnTheRecord) {
  const Date today = LondonDate(std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()));
  auto born = [&](int years, int days_later) {
    date::year_month_day d = today - date::years(years);
    if (!d.ok()) d = d.year() / d.month() / date::last;  // 29 February in a year without one
    return FormatDate(Date{date::sys_days{d} + date::days(days_later)});
  };
  struct Case {
    int years, days_later, want_years;
    const char* stage;
  };
  const Case cases[] = {{0, -90, 0, "infant"},           {1, 1, 0, "infant"},
                        {1, 0, 1, "early years"},        {5, 0, 5, "primary school age"},
                        {11, 0, 11, "secondary school age"}, {16, 0, 16, "young person"},
                        {17, 1, 16, "young person"}};
  int n = 0;
  for (const Case& c : cases) {
    json::object child = NewChild("Stage" + std::string(1, static_cast<char>('a' + n++)));
    child["date_of_birth"] = born(c.years, c.days_later);
    std::string id = CreateChildFrom(child);
    json::value v = server->Get("/api/v1/persons/" + id, token).Json();
    SCOPED_TRACE(json::serialize(child));
    EXPECT_EQ(v.at("age").at("years").as_int64(), c.want_years);
    EXPECT_EQ(v.at("age").at("stage").as_string(), c.stage);
  }
  // Before birth there is no age to show.
  HttpResult unborn = server->Post("/api/v1/unborn", token,
                                   json::object{{"mother_family_name", "Stagez"}, {"expected_date_of_delivery", born(0, 30)}});
  ASSERT_EQ(unborn.status, 201) << unborn.body;
  std::string unborn_id(unborn.Json().at("person").at("id").as_string());
  EXPECT_TRUE(server->Get("/api/v1/persons/" + unborn_id, token).Json().at("age").is_null());
}

// ENT-01: author, times and sequence come from the server; a client trying to set them is
// refused.
TEST_F(FoundationApi, ENT01_ClientCannotForgeStamps) {
  std::string id = CreateChild("Stamp");
  json::object entry{{"type", "case_note"},
                     {"occurred_at", "2026-01-05T10:00:00Z"},
                     {"text", "Note."},
                     {"classification", "fact"},
                     {"source", json::object{{"first_hand", true}}}};
  for (const char* forged : {"author", "recorded_at", "seq", "author_name", "late_entry"}) {
    json::object bad = entry;
    bad[forged] = "forged";
    ExpectError(server->Post("/api/v1/persons/" + id + "/entries", token, bad), 400, forged);
  }
  HttpResult ok = server->Post("/api/v1/persons/" + id + "/entries", token, entry);
  ASSERT_EQ(ok.status, 201) << ok.body;
  json::value item = ok.Json().at("item");
  EXPECT_EQ(item.at("author").at("name").as_string(), "Test sam");
  EXPECT_EQ(item.at("author").at("post_title").as_string(), "practitioner post");
  EXPECT_EQ(item.at("seq").as_int64(), 2);
  EXPECT_EQ(item.at("occurred_at").as_string(), "2026-01-05T10:00:00.000000Z");
  // ENT-02: this event was long before it was written down.
  EXPECT_TRUE(item.at("late_entry").as_bool());
}

// Bad input of every kind: a 4xx naming the field and the problem, and nothing saved.
TEST_F(FoundationApi, BadInputIsRefusedWithTheFieldAndNothingSaved) {
  auto post = [&](const std::string& body) { return server->Send("POST", "/api/v1/children", token, body); };
  ExpectError(post("{\"given_names\": \"Ann\", "), 400, "body");
  ExpectError(post("[1, 2]"), 400, "body");
  ExpectError(post("{\"given_names\": \"Ann\xC3\", \"family_name\": \"Utf\"}"), 400, "body");
  ExpectError(post(R"({"given_names":"Ann","family_name":"Bad","favourite_colour":"blue"})"), 400,
              "favourite_colour");
  ExpectError(post(R"({"given_names":"Ann","family_name":"Bad","date_of_birth":20180402})"), 400, "date_of_birth");
  ExpectError(post(R"({"given_names":"Ann","family_name":"Bad","date_of_birth":"2018-02-30"})"), 400,
              "date_of_birth");
  ExpectError(post(R"({"given_names":"Ann","family_name":"Bad","date_of_birth":"2099-01-01"})"), 400,
              "date_of_birth");
  ExpectError(post(R"({"given_names":"Ann","family_name":"Bad","nhs_number":"9434765918"})"), 400, "nhs_number");
  ExpectError(post(R"({"given_names":"Ann","family_name":"Bad","interpreter_needed":"yes"})"), 400,
              "interpreter_needed");
  ExpectError(post(R"({"given_names":"Ann","family_name":"Bad","address":{"town":"Preston"}})"), 400,
              "address.line1");
  ExpectError(post("{\"family_name\": \"Bad\", \"given_names\": \"" + std::string(2 << 20, 'a') + "\"}"), 413, "body");
  ExpectError(server->Post("/api/v1/unborn", token, json::object{{"mother_family_name", "Bad"}}), 400,
              "expected_date_of_delivery");
  EXPECT_EQ(CountNamed("Bad"), 0);

  std::string id = CreateChild("Entries");
  json::object future{{"type", "case_note"},
                      {"occurred_at", "2099-01-01T10:00:00Z"},
                      {"text", "Note."},
                      {"classification", "fact"},
                      {"source", json::object{{"first_hand", true}}}};
  ExpectError(server->Post("/api/v1/persons/" + id + "/entries", token, future), 400, "occurred_at");
  json::object no_source = future;
  no_source["occurred_at"] = "2026-01-01T10:00:00Z";
  no_source.erase("source");
  ExpectError(server->Post("/api/v1/persons/" + id + "/entries", token, no_source), 400, "source");
  json::object bad_participant = no_source;
  bad_participant["type"] = "contact";
  bad_participant["source"] = json::object{{"first_hand", true}};
  bad_participant["contact"] = json::object{{"method", "telephone"}, {"participants", json::array{json::object{{"name", "Ms Begum"}}}}};
  ExpectError(server->Post("/api/v1/persons/" + id + "/entries", token, bad_participant), 400,
              "contact.participants[0].role");
  EXPECT_EQ(server->Get("/api/v1/persons/" + id + "/journal", token).Json().at("items").as_array().size(), 1u);

  ExpectError(server->Get("/api/v1/persons/01J00000000000000000000000", token), 404, "");
  ExpectError(server->Get("/api/v1/persons/not-an-id", token), 404, "");
  ExpectError(server->Get("/api/v1/persons?name=a&colour=blue", token), 400, "colour");
  ExpectError(server->Get("/api/v1/persons?name=a&limit=lots", token), 400, "limit");
  ExpectError(server->Get("/api/v1/nowhere", token), 404, "");
  ExpectError(server->Send("DELETE", "/api/v1/persons/" + id, token), 405, "");
}

// REC-03 and REC-06 through the API: a repeated NHS number is refused; a likely duplicate
// is reported with its reasons until ruled out.
TEST_F(FoundationApi, REC03_REC06_DuplicatesThroughTheApi) {
  json::object first = NewChild("Twin");
  first["nhs_number"] = "401 023 2137";
  ASSERT_EQ(server->Post("/api/v1/children", token, first).status, 201);
  json::object same_nhs = NewChild("Other");
  same_nhs["nhs_number"] = "4010232137";
  ExpectError(server->Post("/api/v1/children", token, same_nhs), 409, "nhs_number");
  HttpResult similar = server->Post("/api/v1/children", token, NewChild("Twin"));
  ExpectError(similar, 409, "not_duplicates");
  json::array duplicates = similar.Json().at("duplicates").as_array();
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0].at("reasons").at(0).as_string(), "similar name and the same date of birth");
  json::object confirmed = NewChild("Twin");
  confirmed["not_duplicates"] = json::array{duplicates[0].at("person_id")};
  EXPECT_EQ(server->Post("/api/v1/children", token, confirmed).status, 201);
}

// A browser's cookie alone cannot change anything: writes need the CSRF token too.
TEST_F(FoundationApi, CookieWritesNeedTheCsrfToken) {
  HttpResult login = SendHttp(server->port(), "POST", "/api/v1/sessions",
                              std::string(R"({"username":"sam","password":")") + kTestPassword + "\"}", {});
  std::string cookie = login.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  std::string pair = cookie.substr(0, cookie.find(';'));
  std::string csrf(login.Json().at("csrf_token").as_string());
  std::string body = json::serialize(NewChild("Cookie"));
  HttpResult without = SendHttp(server->port(), "POST", "/api/v1/children", body, {{"Cookie", pair}});
  ExpectError(without, 403, "X-CSRF-Token");
  HttpResult other_site = SendHttp(server->port(), "POST", "/api/v1/children", body,
                                   {{"Cookie", pair}, {"X-CSRF-Token", csrf}, {"Origin", "https://evil.example"}});
  EXPECT_EQ(other_site.status, 403);
  HttpResult with = SendHttp(server->port(), "POST", "/api/v1/children", body, {{"Cookie", pair}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(with.status, 201) << with.body;
  EXPECT_EQ(SendHttp(server->port(), "GET", "/api/v1/sessions/current", "", {{"Cookie", pair}}).status, 200);
}

// Nothing acknowledged is lost: what was answered 201 is there after a restart.
TEST_F(FoundationApi, AcknowledgedWritesSurviveRestart) {
  std::string id = CreateChild("Durable");
  server->Restart();
  token = server->SignIn("sam");
  EXPECT_EQ(server->Get("/api/v1/persons/" + id, token).status, 200);
  EXPECT_EQ(CountNamed("Durable"), 1);
}

}  // namespace
}  // namespace casework::testing
