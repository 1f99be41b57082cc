// A practitioner's caseload: the children allocated to them (or, for a team manager, to their
// team), with what is due or overdue on each, for the home page (TIM-05).
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/services.h"
#include "core/reminders.h"
#include "store/caseload_repo.h"

namespace casework::app {

enum class CaseloadScope { kMine, kTeam };

struct CaseloadChild {
  store::CaseloadRow row;
  std::vector<Reminder> reminders;  // such as a birth not yet registered
  int decisions_due = 0;            // decisions whose review date has come
};

// Team scope is for team managers only. The listing is logged as a report, not as a read of
// each record, since it shows only what a search would.
Result<std::vector<CaseloadChild>> ListCaseload(const Services& s, const Actor& actor, CaseloadScope scope);

}  // namespace casework::app
