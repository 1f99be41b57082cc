#include "app/caseload.h"

#include "app/access.h"
#include "app/timescales.h"
#include "app/audit.h"
#include "app/person_support.h"
#include "store/clock_repo.h"
#include "store/person_repo.h"

namespace casework::app {
namespace {

// More than any one worker or team holds; the list is not paged.
constexpr int kCaseloadLimit = 1000;

}  // namespace

Result<std::vector<CaseloadChild>> ListCaseload(const Services& s, const Actor& actor, CaseloadScope scope) {
  bool team = scope == CaseloadScope::kTeam;
  if (team && (actor.user.role != Role::kTeamManager || actor.user.team_id.empty())) {
    return Refuse(s, actor, {"report.caseload", "", false, "", "team caseload"},
                  Status::Denied("only a team manager can list their team's caseload"));
  }
  CASEWORK_RETURN_IF_ERROR(RequireCaseworkRole(s, actor, "list a caseload"));
  Date today = Today(s);
  std::vector<CaseloadChild> out;
  Status st = s.db.Read([&](store::Connection& c) {
    auto rows =
        store::CaseloadRepo(c).Allocated(actor.user.id, team ? actor.user.team_id : "", today, kCaseloadLimit);
    for (store::CaseloadRow& row : rows) {
      CaseloadChild child{std::move(row), {}};
      child.reminders = ClockReminders(store::ClockRepo(c).OpenForPerson(child.row.child.id), today);
      out.push_back(std::move(child));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  CASEWORK_RETURN_IF_ERROR(AuditAlone(s, actor, {"report.caseload", "", true, RoleName(actor.user.role),
                                                 std::string(team ? "team" : "own") + " caseload of " +
                                                     std::to_string(out.size()) + " children"}));
  return out;
}

}  // namespace casework::app
