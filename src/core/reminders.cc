#include "core/reminders.h"

namespace casework {

std::vector<Reminder> RecordReminders(const Person& person, const Settings& settings, Date today) {
  std::vector<Reminder> out;
  const auto& birth = person.birth;
  if (birth && !birth->unborn && birth->born_on && !birth->registered_on) {
    Date due{date::sys_days{*birth->born_on} + date::days{settings.birth_registration_days}};
    bool overdue = date::sys_days{today} > date::sys_days{due};
    out.push_back({"birth_registration",
                   "Check the birth has been registered: parents must register within " +
                       std::to_string(settings.birth_registration_days) + " days of birth.",
                   due, overdue});
  }
  return out;
}

}  // namespace casework
