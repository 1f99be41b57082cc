// A practitioner's or team's caseload, for the home page (TIM-05).
#include "app/caseload.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

json::object CaseloadJson(const app::CaseloadChild& c) {
  json::object o = SummaryJson(c.row.child);
  o["allocated_worker"] = json::object{
      {"id", c.row.worker_id}, {"full_name", c.row.worker_name}, {"post_title", c.row.worker_post_title}};
  o["last_recorded_at"] = c.row.last_recorded_at ? json::value(FormatTimestamp(*c.row.last_recorded_at)) : nullptr;
  o["missing_details"] = c.row.missing_details;
  o["decisions_due"] = c.row.decisions_due;
  json::array reminders;
  for (const Reminder& m : c.reminders) reminders.push_back(ReminderJson(m));
  o["reminders"] = std::move(reminders);
  return o;
}

Response Caseload(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {"scope"})) return *bad;
  std::string scope = call.request.QueryValue("scope").value_or("mine");
  if (scope != "mine" && scope != "team") return ErrorResponse(400, "invalid_argument", "must be mine or team", "scope");
  auto kind = scope == "team" ? app::CaseloadScope::kTeam : app::CaseloadScope::kMine;
  return Answer(app::ListCaseload(call.services, call.actor(), kind), [](const auto& children) {
    json::array out;
    for (const app::CaseloadChild& c : children) out.push_back(CaseloadJson(c));
    return json::object{{"children", std::move(out)}};
  });
}

}  // namespace

void AddCaseloadRoutes(Api& api) { api.Add("GET", "/api/v1/caseload", Caseload); }

}  // namespace casework::http
