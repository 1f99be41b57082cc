// SEC-04, SEC-05: every role against every endpoint that touches a child's record, through
// the real server. The routes come from Api::Routes(), so a route added without a row here
// fails AccessMatrix.EveryRouteHasARow.
//
// Adding a route: add one row to kRows. `expect` has one letter per role, in the order of
// kRoles: A = allowed (2xx), D = denied (403 saying why), C = allowed but nothing to do (409).
// A route that touches no child's record has expect "-" and a reason instead of a target.
// Targets and bodies may name the fixtures below in braces; each cell gets fresh ones.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <set>

#include <boost/json.hpp>

#include "api/live_server.h"
#include "http/api.h"
#include "support/test_services.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

// sam: practitioner allocated to {child}; jo: practitioner in another team; maureen: manager
// of sam's team; priya: partner agency practitioner with no grant; rita: records officer;
// alex: auditor; ade: administrator.
const char* const kRoles[] = {"sam", "jo", "maureen", "priya", "rita", "alex", "ade"};

struct Row {
  const char* route;   // as Api::Routes() names it
  const char* expect;  // see above
  const char* target;  // or, for "-", why the route is outside the matrix
  const char* body = nullptr;
};

constexpr char kNote[] =
    R"({"type": "case_note", "occurred_at": "{an_hour_ago}", "classification": "fact", "text": "Seen at school.",
        "source": {"first_hand": true}})";
constexpr char kCorrection[] =
    R"({"type": "case_note", "occurred_at": "{an_hour_ago}", "classification": "fact", "text": "Seen at home.",
        "source": {"first_hand": true}, "correction_reason": "The visit was at home."})";

const Row kRows[] = {
    // Opening and searching records.
    {"POST /api/v1/children", "AAADADD", "/api/v1/children", R"({"given_names": "Ann", "family_name": "{fresh}"})"},
    {"POST /api/v1/persons", "AAADADD", "/api/v1/persons", R"({"given_names": "Bea", "family_name": "{fresh}"})"},
    {"POST /api/v1/unborn", "AAADADD", "/api/v1/unborn",
     R"({"mother_family_name": "{fresh}", "expected_date_of_delivery": "{in_60_days}"})"},
    {"POST /api/v1/persons/duplicates", "AAADAAD", "/api/v1/persons/duplicates", R"({"family_name": "Zed"})"},
    {"GET /api/v1/persons", "AAAAAAD", "/api/v1/persons?name=zed"},
    {"GET /api/v1/records/incomplete", "AAADAAD", "/api/v1/records/incomplete"},
    {"GET /api/v1/decisions/due", "AAADAAD", "/api/v1/decisions/due"},
    {"GET /api/v1/caseload", "AAADAAD", "/api/v1/caseload"},
    {"GET /api/v1/clocks", "AAADAAD", "/api/v1/clocks"},
    {"GET /api/v1/reports/timeliness", "AAADAAD", "/api/v1/reports/timeliness?from={today}&to={in_60_days}"},
    {"GET /api/v1/extension-requests", "DDADDDD", "/api/v1/extension-requests"},
    {"GET /api/v1/team/members", "DDADDDD", "/api/v1/team/members"},
    {"POST /api/v1/persons/{id}/events", "ADADDDD", "/api/v1/persons/{child}/events",
     R"({"event": "referral_received", "occurred_on": "{today}"})"},
    {"GET /api/v1/persons/{id}/clocks", "ADADAAD", "/api/v1/persons/{child}/clocks"},
    {"POST /api/v1/clocks/{clock}/shorter-timescale", "ADADDDD", "/api/v1/clocks/{clock}/shorter-timescale",
     R"({"due": "{today}", "reason": "The court hearing was brought forward."})"},
    {"POST /api/v1/clocks/{clock}/extension", "ADADDDD", "/api/v1/clocks/{clock}/extension",
     R"({"reason": "Police checks outstanding", "proposed_due": "{in_60_days}", "agencies": ["Police"]})"},
    {"POST /api/v1/clocks/{clock}/extension/consultations", "ADADDDD",
     "/api/v1/clocks/{pending_clock}/extension/consultations",
     R"({"agency": "Police", "manager_name": "DS Amy Clarke", "consulted_at": "{an_hour_ago}", "view": "Agrees."})"},
    // Only a manager of the team the record is allocated to decides an extension.
    {"POST /api/v1/clocks/{clock}/extension/decision", "DDADDDD", "/api/v1/clocks/{pending_clock}/extension/decision",
     R"({"decision": "decline", "reason": "The assessment can finish on time."})"},
    // Consent to share and disclosures (SHR-01..03): partners see only what is shared with them.
    {"GET /api/v1/persons/{id}/sharing", "ADADAAD", "/api/v1/persons/{child}/sharing"},
    {"POST /api/v1/persons/{id}/consents", "ADADDDD", "/api/v1/persons/{child}/consents",
     R"({"purpose": "school nurse", "decision": "given", "decided_on": "{today}", "decided_by": "Ann's mother"})"},
    {"POST /api/v1/persons/{id}/disclosures", "ADADDDD", "/api/v1/persons/{child}/disclosures",
     R"({"information": "Bruising seen", "recipient": "DC Hale", "disclosed_on": "{today}",
         "purpose": "strategy discussion", "lawful_basis": "significant_harm",
         "justification": {"necessary": "joint investigation", "proportionate": "findings only",
                           "decided_by": "Maureen Hughes, Team Manager"}})"},
    // One child's record.
    {"GET /api/v1/persons/{id}", "ADADAAD", "/api/v1/persons/{child}"},
    {"PATCH /api/v1/persons/{id}", "ADADDDD", "/api/v1/persons/{child}", R"({"version": 1, "religion": "Hindu"})"},
    {"POST /api/v1/persons/{id}/addresses", "ADADDDD", "/api/v1/persons/{child}/addresses",
     R"({"line1": "1 High Street", "town": "Leeds", "postcode": "LS1 1AA"})"},
    {"POST /api/v1/persons/{id}/names", "ADADDDD", "/api/v1/persons/{child}/names",
     R"({"kind": "alias", "given_names": "Annie"})"},
    {"POST /api/v1/persons/{id}/birth-certificate", "ADADDDD", "/api/v1/persons/{child}/birth-certificate",
     R"({"given_names": "Ann", "family_name": "Jones", "seen_on": "{today}"})"},
    {"POST /api/v1/persons/{id}/birth", "ADADDDD", "/api/v1/persons/{unborn}/birth",
     R"({"given_names": "Cal", "family_name": "Jones", "born_on": "{today}"})"},
    {"POST /api/v1/persons/{id}/birth-registration", "ADADDDD", "/api/v1/persons/{born}/birth-registration",
     R"({"registered_on": "{today}"})"},
    {"POST /api/v1/persons/{id}/relationships", "ADADDDD", "/api/v1/persons/{child}/relationships",
     R"({"related_person_id": "{relative}", "type": "parent", "parental_responsibility": true})"},
    {"PUT /api/v1/persons/{id}/allocation", "DDADDDD", "/api/v1/persons/{child}/allocation",
     R"({"worker_id": "{sam_id}", "version": 1})"},
    {"POST /api/v1/persons/{id}/entries", "ADADDDD", "/api/v1/persons/{child}/entries", kNote},
    {"POST /api/v1/persons/{id}/entries/{item}/corrections", "ADADDDD",
     "/api/v1/persons/{child}/entries/{item}/corrections", kCorrection},
    // Only the person who gave the information countersigns (the entry names jo).
    {"POST /api/v1/persons/{id}/entries/{item}/countersignature", "DADDDDD",
     "/api/v1/persons/{child}/entries/{item}/countersignature"},
    {"GET /api/v1/persons/{id}/journal", "ADADAAD", "/api/v1/persons/{child}/journal"},
    {"GET /api/v1/persons/{id}/chronology", "ADADAAD", "/api/v1/persons/{child}/chronology"},
    {"GET /api/v1/persons/{id}/chronology.csv", "ADADAAD", "/api/v1/persons/{child}/chronology.csv"},
    {"PUT /api/v1/drafts/{key}", "ADADDDD", "/api/v1/drafts/note-{fresh}",
     R"({"record_id": "{child}", "content": {"text": "half-written"}})"},
    // Managing access to the record.
    {"GET /api/v1/persons/{id}/grants", "ADADAAD", "/api/v1/persons/{child}/grants"},
    {"POST /api/v1/persons/{id}/grants", "ADADDDD", "/api/v1/persons/{child}/grants",
     R"({"user_id": "{jo_id}", "purpose": "covering leave", "until": "{in_60_days}"})"},
    {"DELETE /api/v1/persons/{id}/grants/{grant}", "ADADDDD", "/api/v1/persons/{child}/grants/{grant}"},
    {"PUT /api/v1/persons/{id}/restriction", "ADADDDD", "/api/v1/persons/{child}/restriction",
     R"({"restricted": true, "reason": "adoption"})"},
    {"POST /api/v1/persons/{id}/break-glass", "CACDADD", "/api/v1/persons/{child}/break-glass",
     R"({"reason": "child reported missing tonight"})"},
    {"POST /api/v1/persons/{id}/entries/{item}/shares", "ADADDDD", "/api/v1/persons/{child}/entries/{item}/shares",
     R"({"user_id": "{priya_id}", "purpose": "joint investigation"})"},
    // Who looked: for managers and auditors.
    {"GET /api/v1/persons/{id}/access-log", "DDADDAD", "/api/v1/persons/{child}/access-log"},
    {"GET /api/v1/users/{id}/access-log", "DDADDAD", "/api/v1/users/{sam_id}/access-log"},
    {"GET /api/v1/break-glass", "DDADDAD", "/api/v1/break-glass"},
    // The break-glass is sam's, into a record allocated to jo; maureen is sam's manager.
    {"POST /api/v1/break-glass/{id}/review", "DDADDAD", "/api/v1/break-glass/{glass}/review",
     R"({"justified": true})"},
    // Outside the matrix: they touch no child's record.
    {"POST /api/v1/sessions", "-", "signing in"},
    {"GET /api/v1/sessions/current", "-", "the user's own session"},
    {"POST /api/v1/sessions/current/refresh", "-", "the user's own session"},
    {"DELETE /api/v1/sessions/current", "-", "the user's own session"},
    {"PUT /api/v1/sessions/current/password", "-", "the user's own password"},
    {"POST /api/v1/sessions/second-factor", "-", "signing in with a one-time code"},
    {"POST /api/v1/sessions/current/two-factor", "-", "the user's own two-factor sign-in"},
    {"PUT /api/v1/sessions/current/two-factor", "-", "the user's own two-factor sign-in"},
    {"DELETE /api/v1/sessions/current/two-factor", "-", "the user's own two-factor sign-in"},
    {"GET /api/v1/sessions", "-", "the user's own sessions"},
    {"DELETE /api/v1/sessions/{id}", "-", "the user's own sessions"},
    {"POST /api/v1/users/{id}/password-reset", "-", "user management (administrators; tested with users)"},
    {"POST /api/v1/users/{id}/two-factor-reset", "-", "user management (administrators; tested with two-factor)"},
    {"POST /api/v1/users", "-", "user management (administrators; tested with users)"},
    {"GET /api/v1/health", "-", "open health check"},
    {"GET /api/v1/openapi.yaml", "-", "open API description"},
    {"GET /api/v1/choices", "-", "the partnership's lists of values for details"},
    {"GET /api/v1/glossary", "-", "the partnership's glossary of acronyms"},
    {"GET /api/v1/drafts", "-", "the user's own drafts"},
    {"GET /api/v1/timescales", "-", "the partnership's timescale definitions"},
    {"GET /api/v1/drafts/{key}", "-", "the user's own drafts"},
    {"DELETE /api/v1/drafts/{key}", "-", "the user's own drafts"},
};

std::string DateIn(int days) {
  auto t = std::chrono::system_clock::now() + std::chrono::hours(24 * days);
  return FormatDate(LondonDate(std::chrono::time_point_cast<std::chrono::microseconds>(t)));
}

class AccessMatrix : public ::testing::TestWithParam<Row> {
 protected:
  static void SetUpTestSuite() {
    server = new LiveServer();
    for (const char* role : kRoles) tokens[role] = server->SignIn(role);
  }
  static void TearDownTestSuite() { delete server; }

  // Fresh fixtures for one cell, made on first mention.
  class Cell {
   public:
    std::string Expand(std::string text) {
      // A placeholder is {word}; JSON's own braces are left alone.
      for (size_t open = 0; (open = text.find('{', open)) != std::string::npos;) {
        size_t close = text.find('}', open);
        if (close == std::string::npos) break;
        std::string name = text.substr(open + 1, close - open - 1);
        if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_0123456789") != std::string::npos) {
          ++open;
          continue;
        }
        std::string value = Need(name);
        text.replace(open, close - open + 1, value);
        open += value.size();
      }
      return text;
    }

   private:
    std::string Need(const std::string& name) {
      auto found = vars_.find(name);
      if (found != vars_.end()) return found->second;
      return vars_[name] = Make(name);
    }

    std::string Created(const std::string& as, const std::string& target, const std::string& body, const char* key) {
      HttpResult r = server->Send("POST", Expand(target), tokens[as], Expand(body));
      EXPECT_EQ(r.status / 100, 2) << target << " " << r.body;
      json::value v = r.Json();
      return std::string(v.at(key).at("id").as_string());
    }

    std::string Make(const std::string& name) {
      if (name == "fresh") return Fresh();
      if (name == "today") return DateIn(0);
      if (name == "in_60_days") return DateIn(60);
      if (name == "an_hour_ago") {
        auto t = std::chrono::system_clock::now() - std::chrono::hours(1);
        return FormatTimestamp(std::chrono::time_point_cast<std::chrono::microseconds>(t));
      }
      if (name.size() > 3 && name.substr(name.size() - 3) == "_id") {
        return server->UserId(name.substr(0, name.size() - 3));
      }
      if (name == "child") {
        return Created("sam", "/api/v1/children", R"({"given_names": "Ann", "family_name": "{fresh}"})", "person");
      }
      if (name == "relative") {
        return Created("sam", "/api/v1/persons", R"({"given_names": "Dee", "family_name": "{fresh}"})", "person");
      }
      if (name == "unborn") {
        return Created("sam", "/api/v1/unborn",
                       R"({"mother_family_name": "{fresh}", "expected_date_of_delivery": "{in_60_days}"})", "person");
      }
      if (name == "born") {
        std::string id = Need("unborn");
        Created("sam", "/api/v1/persons/" + id + "/birth",
                R"({"given_names": "Cal", "family_name": "Jones", "born_on": "{today}"})", "person");
        return id;
      }
      if (name == "item") {
        return Created("sam", "/api/v1/persons/{child}/entries",
                       R"({"type": "case_note", "occurred_at": "{an_hour_ago}", "classification": "opinion",
                           "text": "Jo says Ann was upset.", "source": {"first_hand": false, "name": "Jo"},
                           "provided_by": {"user_id": "{jo_id}"}})",
                       "item");
      }
      if (name == "clock") {  // the referral decision's clock, started today on {child}
        HttpResult r = server->Send("POST", Expand("/api/v1/persons/{child}/events"), tokens["sam"],
                                    Expand(R"({"event": "referral_received", "occurred_on": "{today}"})"));
        EXPECT_EQ(r.status, 201) << r.body;
        return std::string(r.Json().at("started").at(0).at("id").as_string());
      }
      if (name == "pending_clock") {  // {clock} with an extension request waiting
        return Created("sam", "/api/v1/clocks/{clock}/extension",
                       R"({"reason": "Police checks", "proposed_due": "{in_60_days}", "agencies": ["Police"]})",
                       "clock");
      }
      if (name == "grant") {
        return Created("sam", "/api/v1/persons/{child}/grants",
                       R"({"user_id": "{jo_id}", "purpose": "covering leave", "until": "{in_60_days}"})", "grant");
      }
      if (name == "glass") {
        std::string child = Created("jo", "/api/v1/children", R"({"given_names": "Eve", "family_name": "{fresh}"})",
                                    "person");
        return Created("sam", "/api/v1/persons/" + child + "/break-glass",
                       R"({"reason": "police called about the family tonight"})", "break_glass");
      }
      ADD_FAILURE() << "the matrix has no fixture called {" << name << "}";
      return "";
    }

    // A family name no one else has, so no cell's record looks like another's duplicate.
    static std::string Fresh() {
      static int counter = 0;
      std::string name = "Matrix";
      for (int n = ++counter; n > 0; n /= 26) name += static_cast<char>('a' + n % 26);
      return name;
    }

    std::map<std::string, std::string> vars_;
  };

  static LiveServer* server;
  static std::map<std::string, std::string> tokens;
};
LiveServer* AccessMatrix::server = nullptr;
std::map<std::string, std::string> AccessMatrix::tokens;

// Every route the server has appears exactly once in the matrix, and every row is a route.
TEST(AccessMatrixRows, EveryRouteHasARow) {
  TestServices t;
  http::Api api(t.services(), {});
  std::set<std::string> served, rows;
  for (const std::string& r : api.Routes()) served.insert(r);
  for (const Row& row : kRows) {
    EXPECT_TRUE(rows.insert(row.route).second) << "two rows for " << row.route;
    EXPECT_TRUE(served.count(row.route)) << "a row for a route the server does not have: " << row.route;
    std::string expect = row.expect;
    EXPECT_TRUE(expect == "-" || expect.size() == std::size(kRoles)) << row.route;
  }
  for (const std::string& route : served) {
    EXPECT_TRUE(rows.count(route)) << "add a row to kRows in tests/api/access_matrix_test.cc for " << route;
  }
}

TEST_P(AccessMatrix, SEC04_SEC05_EachRoleAllowedOrRefused) {
  const Row& row = GetParam();
  std::string expect = row.expect;
  std::string method = std::string(row.route).substr(0, std::string(row.route).find(' '));
  for (size_t i = 0; i < std::size(kRoles); ++i) {
    Cell cell;
    std::string target = cell.Expand(row.target);
    std::string body = row.body ? cell.Expand(row.body) : "";
    HttpResult r = server->Send(method, target, tokens[kRoles[i]], body);
    SCOPED_TRACE(std::string(kRoles[i]) + " " + method + " " + target + " -> " + std::to_string(r.status) + " " +
                 r.body.substr(0, 300));
    switch (expect[i]) {
      case 'A':
        EXPECT_EQ(r.status / 100, 2);
        break;
      case 'C':
        EXPECT_EQ(r.status, 409);
        break;
      default:
        ASSERT_EQ(r.status, 403);
        // A refusal says why.
        EXPECT_GT(r.Json().at("error").at("message").as_string().size(), 20u);
    }
  }
}

std::string RowName(const ::testing::TestParamInfo<Row>& info) {
  std::string name;
  for (char c : std::string(info.param.route)) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

std::vector<Row> RecordRoutes() {
  std::vector<Row> out;
  for (const Row& row : kRows) {
    if (std::string(row.expect) != "-") out.push_back(row);
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Routes, AccessMatrix, ::testing::ValuesIn(RecordRoutes()), RowName);

}  // namespace
}  // namespace casework::testing
