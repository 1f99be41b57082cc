// Things a record is waiting for, shown on the record until they are done.
#pragma once

#include <string>
#include <vector>

#include "core/person.h"
#include "core/settings.h"

namespace casework {

struct Reminder {
  std::string kind;     // "birth_registration"
  std::string message;  // plain words for the record's summary
  Date due{};
  bool overdue = false;
};

// REC-04: a born child whose birth is not yet known to be registered is due to be registered
// within settings.birth_registration_days of birth.
std::vector<Reminder> RecordReminders(const Person& person, const Settings& settings, Date today);

}  // namespace casework
