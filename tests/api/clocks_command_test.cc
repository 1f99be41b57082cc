// casework clocks: the due and overdue lists from the command line, for the user named, with
// the same access rules as the API (TIM-05).
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "api/live_server.h"
#include "core/clock.h"
#include "settings/settings_loader.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

class ClocksCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Settings> settings = LoadSettings(DefaultConfigDir());
    ASSERT_TRUE(settings.ok()) << settings.status().ToString();
    settings_ = std::move(*settings);
  }

  static Date DaysAgo(int n) { return Date{date::sys_days{Today()} - date::days{n}}; }
  static Date Today() { return LondonDate(SystemClock().Now()); }

  // A child of `worker`'s, referred `days_ago`: the one-working-day decision is then overdue
  // and the 45-working-day assessment is not.
  std::string ReferredChild(const std::string& worker, const std::string& family, int days_ago) {
    std::string token = server_.SignIn(worker);
    HttpResult made = server_.Post("/api/v1/children", token,
                                   json::object{{"given_names", "Ellie"}, {"family_name", family}});
    EXPECT_EQ(made.status, 201) << made.body;
    std::string id(made.Json().at("person").at("id").as_string());
    HttpResult event = server_.Post("/api/v1/persons/" + id + "/events", token,
                                    json::object{{"event", "referral_received"}, {"occurred_on", FormatDate(DaysAgo(days_ago))}});
    EXPECT_EQ(event.status, 201) << event.body;
    return id;
  }

  // The decision's due date and days overdue for a referral `days_ago`, as the list prints them.
  std::string DecisionLine(int days_ago) const {
    Date due = settings_.calendar.AddWorkingDays(DaysAgo(days_ago), 1);
    long late = (date::sys_days{Today()} - date::sys_days{due}).count();
    return FormatDate(due) + "  " + std::to_string(late) + (late == 1 ? " day" : " days") + " overdue";
  }

  static std::vector<std::string> Lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) out.push_back(line);
    }
    return out;
  }

  Settings settings_;
  LiveServer server_;
};

// TIM-05
TEST_F(ClocksCommand, TIM05_OverdueListsTheUsersChildrenByDueDate) {
  ReferredChild("sam", "Recent", 20);
  ReferredChild("sam", "Older", 40);
  ReferredChild("jo", "Elsewhere", 30);

  CommandResult mine = server_.RunCommand("clocks", {"--as", "sam", "--overdue"});
  ASSERT_EQ(mine.exit_code, 0) << mine.output;
  std::vector<std::string> lines = Lines(mine.output);
  ASSERT_EQ(lines.size(), 2u) << mine.output;  // jo's child and the assessments are not listed
  EXPECT_EQ(lines[0].rfind(DecisionLine(40), 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("Ellie Older"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("Decision on a referral"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find("Test sam"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[1].rfind(DecisionLine(20), 0), 0u) << lines[1];
  EXPECT_NE(lines[1].find("Ellie Recent"), std::string::npos) << lines[1];

  // Without --overdue the assessments due within the window are listed too, still by due date.
  CommandResult soon = server_.RunCommand("clocks", {"--as", "sam", "--within-days", "366"});
  ASSERT_EQ(soon.exit_code, 0) << soon.output;
  lines = Lines(soon.output);
  ASSERT_EQ(lines.size(), 4u) << soon.output;
  EXPECT_NE(lines[2].find("due  Ellie Older"), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find("Child and family assessment"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find("due  Ellie Recent"), std::string::npos) << lines[3];

  // The whole service's list is for records officers, auditors and managers.
  CommandResult service = server_.RunCommand("clocks", {"--as", "rita", "--scope", "service", "--overdue"});
  ASSERT_EQ(service.exit_code, 0) << service.output;
  lines = Lines(service.output);
  ASSERT_EQ(lines.size(), 3u) << service.output;
  EXPECT_NE(lines[1].find("Ellie Elsewhere"), std::string::npos) << service.output;
  EXPECT_NE(lines[1].find("Test jo"), std::string::npos) << service.output;
}

// TIM-03, TIM-05: a shorter timescale governs the list; the statutory date is shown beside it.
TEST_F(ClocksCommand, TIM03_TIM05_ShorterTimescaleListedWithItsStatutoryDate) {
  std::string child = ReferredChild("sam", "Towers", 10);
  std::string token = server_.SignIn("sam");
  HttpResult clocks = server_.Get("/api/v1/persons/" + child + "/clocks", token);
  ASSERT_EQ(clocks.status, 200) << clocks.body;
  std::string assessment;
  json::value listed = clocks.Json();
  for (const json::value& k : listed.at("clocks").as_array()) {
    if (k.at("timescale") == "child_and_family_assessment") assessment = std::string(k.at("id").as_string());
  }
  ASSERT_FALSE(assessment.empty()) << clocks.body;
  HttpResult shorter = server_.Post("/api/v1/clocks/" + assessment + "/shorter-timescale", token,
                                    json::object{{"due", FormatDate(DaysAgo(1))}, {"reason", "Court hearing"}});
  ASSERT_EQ(shorter.status, 200) << shorter.body;

  CommandResult overdue = server_.RunCommand("clocks", {"--as", "sam", "--overdue"});
  ASSERT_EQ(overdue.exit_code, 0) << overdue.output;
  std::vector<std::string> lines = Lines(overdue.output);
  ASSERT_EQ(lines.size(), 2u) << overdue.output;  // the decision, then the shortened assessment
  Date statutory = settings_.calendar.AddWorkingDays(DaysAgo(10), 45);
  EXPECT_EQ(lines[1].rfind(FormatDate(DaysAgo(1)) + "  1 day overdue  Ellie Towers (", 0), 0u) << lines[1];
  std::string tail = "  Child and family assessment  Test sam  (statutory date " + FormatDate(statutory) + ")";
  EXPECT_EQ(lines[1].substr(lines[1].size() - std::min(lines[1].size(), tail.size())), tail) << lines[1];
}

// TIM-05
TEST_F(ClocksCommand, TIM05_RefusesWhatTheUserMayNotList) {
  ReferredChild("sam", "Clarke", 10);
  CommandResult service = server_.RunCommand("clocks", {"--as", "sam", "--scope", "service", "--overdue"});
  EXPECT_NE(service.exit_code, 0);
  EXPECT_NE(service.output.find("only managers, records officers and auditors"), std::string::npos) << service.output;
  EXPECT_EQ(service.output.find("Clarke"), std::string::npos) << service.output;

  CommandResult team = server_.RunCommand("clocks", {"--as", "sam", "--scope", "team"});
  EXPECT_NE(team.exit_code, 0);
  EXPECT_NE(team.output.find("only a team manager"), std::string::npos) << team.output;

  CommandResult nobody = server_.RunCommand("clocks", {"--as", "nobody", "--overdue"});
  EXPECT_EQ(nobody.exit_code, 2);
  EXPECT_NE(nobody.output.find("--as"), std::string::npos) << nobody.output;

  CommandResult team_list = server_.RunCommand("clocks", {"--as", "maureen", "--scope", "team", "--overdue"});
  ASSERT_EQ(team_list.exit_code, 0) << team_list.output;
  EXPECT_NE(team_list.output.find("Ellie Clarke"), std::string::npos) << team_list.output;
}

}  // namespace
}  // namespace casework::testing
