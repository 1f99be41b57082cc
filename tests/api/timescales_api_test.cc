// The partnership's timescales as the API describes them (TIM-01): every clock of the shipped
// config/timescales.toml, with its events and lengths, first and later.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>

#include "api/live_server.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

// TIM-01
TEST(TimescalesApi, TIM01_DescribesEveryDefaultClock) {
  LiveServer server;
  HttpResult r = server.Get("/api/v1/timescales", server.SignIn("sam"));
  ASSERT_EQ(r.status, 200) << r.body;
  json::value body = r.Json();
  std::map<std::string, json::object> clocks;
  for (const json::value& c : body.at("clocks").as_array()) {
    clocks[std::string(c.at("key").as_string())] = c.as_object();
  }
  auto describe = [&](const std::string& key) {
    const json::object& c = clocks.at(key);
    return json::serialize(json::object{
        {"starts", c.at("starts")}, {"length", c.at("length")}, {"then", c.at("then")}, {"after", c.at("after_a_year")}});
  };
  EXPECT_EQ(clocks.size(), 11u);
  EXPECT_EQ(describe("referral_decision"),
            R"({"starts":["referral_received"],"length":"1 working day","then":[],"after":null})");
  EXPECT_EQ(describe("child_and_family_assessment"),
            R"({"starts":["referral_received"],"length":"45 working days","then":[],"after":null})");
  EXPECT_EQ(describe("strategy_discussion"),
            R"({"starts":["significant_harm_suspected"],"length":"1 working day","then":[],"after":null})");
  EXPECT_EQ(describe("initial_conference"),
            R"({"starts":["section_47_started"],"length":"15 working days","then":[],"after":null})");
  EXPECT_EQ(json::serialize(clocks.at("initial_conference").at("restarts")), R"(["strategy_discussion"])");
  EXPECT_EQ(describe("core_group"),
            R"({"starts":["child_protection_plan_started"],"length":"10 working days","then":["6 weeks"],"after":null})");
  EXPECT_EQ(describe("review_conference"),
            R"({"starts":["child_protection_plan_started"],"length":"3 months","then":["6 months"],"after":null})");
  EXPECT_EQ(describe("child_protection_visit"),
            R"({"starts":["child_protection_plan_started"],"length":"10 working days","then":[],"after":null})");
  EXPECT_EQ(describe("looked_after_review"),
            R"({"starts":["became_looked_after"],"length":"20 working days","then":["3 months","6 months"],"after":null})");
  EXPECT_EQ(describe("looked_after_visit"),
            R"({"starts":["placement_started"],"length":"1 week","then":["6 weeks"],"after":null})");
  EXPECT_EQ(describe("looked_after_visit_long_term"),
            R"({"starts":["long_term_placement_started"],"length":"1 week","then":["6 weeks"],"after":"3 months"})");
  EXPECT_EQ(describe("birth_registration"), R"({"starts":["birth"],"length":"42 days","then":[],"after":null})");
  for (const auto& [key, c] : clocks) {
    EXPECT_EQ(c.at("repeats").as_bool(), key != "referral_decision" && key != "child_and_family_assessment" &&
                                             key != "strategy_discussion" && key != "initial_conference" &&
                                             key != "birth_registration")
        << key;
  }
}

}  // namespace
}  // namespace casework::testing
