// The timescale events of one child's casework for the scale loader, and the clocks they
// leave, as recording them through the use cases would (TIM-01..05): every child's referral,
// its decision and the assessment; for some, a section 47 enquiry, an initial conference and a
// child protection plan with its visits, core groups and reviews; for others, becoming looked
// after, with reviews and statutory visits. Most are met in time, some late, and the clocks
// still running at the end include overdue ones, as on a real service's list.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/record_clock.h"
#include "core/settings.h"
#include "demo/demo_random.h"

namespace casework::demo {

struct ClockJournalItem {
  const char* kind;
  std::string target_id;  // the clock's id, or empty for the event itself
  boost::json::object body;
};

// One recorded event: its journal item first, then one for each clock it changed.
struct ClockEvent {
  Date on{};
  std::vector<ClockJournalItem> items;
};

struct ClockStory {
  std::vector<ClockEvent> events;   // in date order
  std::vector<RecordClock> clocks;  // as they stand at the end, open or not
};

ClockStory TellClockStory(Rng& rng, const Settings& settings, const std::string& person_id, Date opened, Date today,
                          const std::function<std::string()>& new_id);

}  // namespace casework::demo
