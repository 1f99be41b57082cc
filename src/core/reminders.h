// Things a record is waiting for, shown on the record and caseload until they are done: the
// open clocks on the record (see app/timescales.h), among them birth registration (REC-04);
// and the alerts its summary shows.
#pragma once

#include <string>

#include "core/time.h"

namespace casework {

struct Reminder {
  std::string kind;     // the timescale's key: "birth_registration"
  std::string message;  // plain words for the record's summary
  Date due{};
  bool overdue = false;
};

// What everyone opening the record must see at once: a child protection plan in place, or the
// child looked after.
struct RecordAlert {
  std::string key;    // child_protection_plan, looked_after
  std::string label;  // as the record's summary shows it
};

}  // namespace casework
