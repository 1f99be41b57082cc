// Clocks on a child's record (TIM-03..05): recording the events that start and stop them,
// setting a shorter timescale for the child's welfare, and extending one only after the other
// agencies' managers are consulted and a manager of the allocated team authorises it. Every
// change is a journal item written with the clock's new state in the same unit of work.
#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/services.h"
#include "core/journal_item.h"
#include "core/record_clock.h"
#include "core/reminders.h"
#include "store/clock_repo.h"

namespace casework::app {

struct EventInput {
  std::string event;  // a key of Timescales::events
  Date occurred_on{};
  std::string note;
};

struct EventOutcome {
  JournalItem item;
  std::vector<RecordClock> started, stopped, ended;
};

// What the journal holds when an event is recorded, and each time a clock changes (its state
// after the change); the scale loader writes the same.
boost::json::object EventBody(const Timescales& timescales, const EventInput& in);
boost::json::object ClockBody(const RecordClock& k);
// Occurrence `previous + 1` of a clock (or its first, with no previous) opening on opens_on.
RecordClock NewClock(const WorkingDayCalendar& calendar, const TimescaleDefinition& d, std::string id,
                     const std::string& person_id, Date opens_on, const RecordClock* previous);

// Records the event on the child's record and starts, meets or ends the clocks it names.
Result<EventOutcome> RecordTimescaleEvent(const Services& s, const Actor& actor, const std::string& person_id,
                                          const EventInput& in);

// The same inside a unit of work another use case already holds (a birth, its registration).
EventOutcome ApplyTimescaleEvent(store::Connection& c, const Services& s, const Actor& actor,
                                 const std::string& person_id, const EventInput& in);

struct ClockView {
  RecordClock clock;
  std::vector<ExtensionRequest> extensions;
};

Result<std::vector<ClockView>> ListRecordClocks(const Services& s, const Actor& actor, const std::string& person_id);

// TIM-03: an earlier date for one child's clock, with the reason.
Result<ClockView> ShortenClock(const Services& s, const Actor& actor, const std::string& clock_id, Date due,
                               const std::string& reason);

// TIM-04: a request, consultations, then a manager's decision.
Result<ClockView> RequestExtension(const Services& s, const Actor& actor, const std::string& clock_id,
                                   const std::string& reason, Date proposed_due,
                                   const std::vector<std::string>& agencies);
Result<ClockView> RecordConsultation(const Services& s, const Actor& actor, const std::string& clock_id,
                                     Consultation consultation);
Result<ClockView> DecideExtension(const Services& s, const Actor& actor, const std::string& clock_id, bool authorise,
                                  const std::string& reason);

// TIM-05: open clocks due within `within_days` of today (or overdue), by due date.
enum class ClockScope { kMine, kTeam, kService };
Result<std::vector<store::DueClockRow>> ListDueClocks(const Services& s, const Actor& actor, ClockScope scope,
                                                      int within_days);

// TIM-04: how the clocks whose statutory date fell in a period fared, per timescale, counted
// against the statutory date whatever shorter timescale or extension governed.
struct TimelinessRow {
  std::string timescale;  // TimescaleDefinition::key
  std::string name;
  int met_on_time = 0;   // met on or before the statutory date
  int met_late = 0;      // met after it
  int open_late = 0;     // still open, the statutory date passed
  int open_in_time = 0;  // still open, the statutory date not yet passed
  int ended = 0;         // closed unmet (a plan ended, no conference needed)
  int extended = 0;      // of all these, how many had an authorised extension
};
// The same scopes, and the same people, as ListDueClocks; `from` to `to` at most 366 days.
Result<std::vector<TimelinessRow>> TimelinessReport(const Services& s, const Actor& actor, ClockScope scope, Date from,
                                                   Date to);

// TIM-04: for a team manager, the extension requests waiting for their decision on records
// allocated to their team, by due date, each with who asked.
struct ExtensionToDecide {
  store::DueClockRow row;
  ExtensionRequest request;
  std::string requested_by_name;
};
Result<std::vector<ExtensionToDecide>> ListExtensionsToDecide(const Services& s, const Actor& actor);

// The record's alerts (see core/reminders.h). Each holds while a clock started by its event is
// running, so it ends when the event that closes those clocks (the plan ended, ceased to be
// looked after) is recorded.
// open_clocks are the record's open clocks (ClockRepo::OpenForPerson).
std::vector<RecordAlert> RecordAlerts(const Services& s, const std::vector<RecordClock>& open_clocks);

// The open clocks of a record for its summary (REC-04 among them); open_clocks as for
// RecordAlerts.
std::vector<Reminder> ClockReminders(const std::vector<RecordClock>& open_clocks, Date today);

}  // namespace casework::app
