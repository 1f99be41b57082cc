// A child's chronology through the real server (CHR-01).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/live_server.h"
#include "core/time.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

class ChronologyApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server = new LiveServer(); }
  static void TearDownTestSuite() { delete server; }
  void SetUp() override { token = server->SignIn("sam"); }

  std::string CreateChild(const std::string& family) {
    HttpResult r = server->Post("/api/v1/children", token,
                                json::object{{"given_names", "Ruby"}, {"family_name", family},
                                             {"date_of_birth", "2017-05-01"}});
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.Json().at("person").at("id").as_string());
  }

  // Records a case note about an event days_ago days before now; returns its item id.
  std::string Note(const std::string& child, int days_ago, const std::string& title, bool significant) {
    json::object body{{"type", "case_note"},
                      {"occurred_at", json::string(HoursAgo(24 * days_ago))},
                      {"title", title},
                      {"text", title + ": what happened, and what was done."},
                      {"classification", "fact"},
                      {"source", json::object{{"first_hand", true}}},
                      {"significant", significant}};
    HttpResult r = server->Post("/api/v1/persons/" + child + "/entries", token, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return std::string(r.Json().at("item").at("id").as_string());
  }

  static std::string HoursAgo(int hours) {
    auto t = std::chrono::system_clock::now() - std::chrono::hours(hours);
    return FormatTimestamp(std::chrono::floor<std::chrono::seconds>(t));
  }

  std::vector<std::string> Summaries(const json::value& page) {
    std::vector<std::string> out;
    for (const json::value& e : page.at("events").as_array()) out.emplace_back(e.at("summary").as_string());
    return out;
  }

  static LiveServer* server;
  std::string token;
};
LiveServer* ChronologyApi::server = nullptr;

// CHR-01: only significant entries, ordered by when the events happened rather than when
// they were written, each with its source agency and author.
TEST_F(ChronologyApi, CHR01_SignificantEventsInEventOrderWithAgencyAndAuthor) {
  std::string child = CreateChild("Ashworth");
  Note(child, 3, "Strategy discussion", true);
  Note(child, 1, "Phone call to arrange a visit", false);
  Note(child, 10, "Police called to the home", true);  // written late, happened first

  HttpResult r = server->Get("/api/v1/persons/" + child + "/chronology", token);
  ASSERT_EQ(r.status, 200) << r.body;
  json::value page = r.Json();
  EXPECT_EQ(Summaries(page), (std::vector<std::string>{"Police called to the home", "Strategy discussion"}));
  const json::object& first = page.at("events").as_array().at(0).as_object();
  EXPECT_FALSE(first.at("agency").as_string().empty());
  EXPECT_FALSE(first.at("author").at("name").as_string().empty());
  EXPECT_TRUE(first.at("late").as_bool());
  EXPECT_FALSE(page.at("more").as_bool());
}

// CHR-01: a long chronology is read a page at a time, each page starting where the last ended.
TEST_F(ChronologyApi, CHR01_PagesFollowOnWithoutGapsOrRepeats) {
  std::string child = CreateChild("Pennington");
  for (int day = 5; day >= 1; --day) Note(child, day, "Event " + std::to_string(6 - day), true);

  HttpResult first = server->Get("/api/v1/persons/" + child + "/chronology?limit=2", token);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(Summaries(first.Json()), (std::vector<std::string>{"Event 1", "Event 2"}));
  ASSERT_TRUE(first.Json().at("more").as_bool());
  std::string after(first.Json().at("next_after").as_string());
  HttpResult second = server->Get("/api/v1/persons/" + child + "/chronology?limit=10&after=" + after, token);
  ASSERT_EQ(second.status, 200) << second.body;
  EXPECT_EQ(Summaries(second.Json()), (std::vector<std::string>{"Event 3", "Event 4", "Event 5"}));
  EXPECT_TRUE(second.Json().at("next_after").is_null());
}

// CHR-01: a corrected entry is shown as corrected, by its correction, not twice.
TEST_F(ChronologyApi, CHR01_ACorrectionTakesThePlaceOfWhatItCorrects) {
  std::string child = CreateChild("Haworth");
  std::string wrong = Note(child, 2, "Visit to school", true);
  json::object correction{{"type", "case_note"},
                          {"occurred_at", json::string(HoursAgo(48))},
                          {"title", "Visit to nursery"},
                          {"text", "The visit was to the nursery, not the school."},
                          {"classification", "fact"},
                          {"source", json::object{{"first_hand", true}}},
                          {"significant", true},
                          {"correction_reason", "Wrong setting named."}};
  HttpResult r = server->Post("/api/v1/persons/" + child + "/entries/" + wrong + "/corrections", token, correction);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(Summaries(server->Get("/api/v1/persons/" + child + "/chronology", token).Json()),
            (std::vector<std::string>{"Visit to nursery"}));
}

// CHR-02: the whole chronology as a CSV file named by the council reference, in event order,
// only significant events; refused to those who may not read the record, and logged as an
// export.
TEST_F(ChronologyApi, CHR02_WholeChronologyAsCsvLoggedAsAnExport) {
  std::string child = CreateChild("Cartwright");
  Note(child, 3, "Strategy discussion, police and school", true);
  Note(child, 1, "Phone call to arrange a visit", false);
  Note(child, 10, "Police called to the home", true);
  std::string reference(
      server->Get("/api/v1/persons/" + child, token).Json().at("case_record").at("council_reference").as_string());

  HttpResult r = server->Get("/api/v1/persons/" + child + "/chronology.csv", token);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r.Header("content-disposition"), "attachment; filename=\"chronology-" + reference + ".csv\"");
  std::vector<std::string> lines;
  for (size_t at = 0, end; (end = r.body.find("\r\n", at)) != std::string::npos; at = end + 2) {
    lines.push_back(r.body.substr(at, end - at));
  }
  ASSERT_EQ(lines.size(), 3u) << r.body;
  EXPECT_NE(lines[1].find("\"Police called to the home\""), std::string::npos);
  EXPECT_NE(lines[2].find("\"Strategy discussion, police and school\""), std::string::npos);
  EXPECT_NE(lines[1].find("\"Test sam\""), std::string::npos);

  EXPECT_EQ(server->Get("/api/v1/persons/" + child + "/chronology.csv", server->SignIn("jo")).status, 403);
  EXPECT_EQ(server->Get("/api/v1/persons/" + child + "/chronology.csv?format=pdf", token).status, 400);
  HttpResult log = server->Get("/api/v1/persons/" + child + "/access-log", server->SignIn("maureen"));
  ASSERT_EQ(log.status, 200) << log.body;
  int exports = 0, refused = 0;
  json::value events = log.Json().at("events");
  for (const json::value& e : events.as_array()) {
    if (e.at("detail").as_string() != "exported the chronology") continue;
    ++(e.at("outcome").as_string() == "allowed" ? exports : refused);
  }
  EXPECT_EQ(exports, 1);
  EXPECT_EQ(refused, 1);  // jo's attempt
}

TEST_F(ChronologyApi, CHR01_BadPagingIsRefusedNamingTheField) {
  std::string child = CreateChild("Ollerton");
  HttpResult r = server->Get("/api/v1/persons/" + child + "/chronology?limit=0", token);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json().at("error").at("field").as_string(), "limit");
  r = server->Get("/api/v1/persons/" + child + "/chronology?after=not-an-id", token);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json().at("error").at("field").as_string(), "after");
}

}  // namespace
}  // namespace casework::testing
