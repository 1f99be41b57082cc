#include "core/record_clock.h"

#include <algorithm>

namespace casework {

const char* ClockStatusName(ClockStatus status) {
  switch (status) {
    case ClockStatus::kOpen:
      return "open";
    case ClockStatus::kMet:
      return "met";
    case ClockStatus::kEnded:
      return "ended";
  }
  return "open";
}

const char* ExtensionStatusName(ExtensionStatus status) {
  switch (status) {
    case ExtensionStatus::kPending:
      return "pending";
    case ExtensionStatus::kAuthorised:
      return "authorised";
    case ExtensionStatus::kDeclined:
      return "declined";
  }
  return "pending";
}

Date RecordClock::Due() const {
  if (extended_due) return *extended_due;
  if (shortened_due && date::sys_days{*shortened_due} < date::sys_days{statutory_due}) return *shortened_due;
  return statutory_due;
}

int RecordClock::DaysOverdue(Date today) const {
  if (status != ClockStatus::kOpen) return 0;
  auto late = date::sys_days{today} - date::sys_days{Due()};
  return late.count() > 0 ? static_cast<int>(late.count()) : 0;
}

bool RecordClock::LateAgainstStatutory(Date today) const {
  if (status == ClockStatus::kMet && stopped_on) return date::sys_days{*stopped_on} > date::sys_days{statutory_due};
  if (status == ClockStatus::kOpen) return date::sys_days{today} > date::sys_days{statutory_due};
  return false;
}

std::vector<std::string> ExtensionRequest::AgenciesNotConsulted() const {
  std::vector<std::string> out;
  for (const std::string& agency : agencies) {
    bool consulted = std::any_of(consultations.begin(), consultations.end(),
                                 [&](const Consultation& c) { return c.agency == agency; });
    if (!consulted) out.push_back(agency);
  }
  return out;
}

}  // namespace casework
