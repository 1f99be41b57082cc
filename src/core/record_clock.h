// One clock on a child's record: an occurrence of a timescale, from the event that started it
// to the one that met it (TIM-03..05). The statutory date is kept whatever happens to it; a
// shorter timescale set for the child's welfare, or an authorised extension, changes the date
// that governs, not the statutory one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace casework {

enum class ClockStatus { kOpen, kMet, kEnded };
const char* ClockStatusName(ClockStatus status);

struct RecordClock {
  std::string id;
  std::string person_id;
  std::string definition;  // TimescaleDefinition::key
  std::string name;
  std::string series_id;  // the first occurrence's id
  int occurrence = 0;
  Date series_began_on{};
  Date started_on{};
  Date statutory_due{};
  std::optional<Date> shortened_due;
  std::string shortened_reason;
  std::optional<Date> extended_due;
  ClockStatus status = ClockStatus::kOpen;
  std::optional<Date> stopped_on;
  int64_t version = 1;

  // The date that governs: an authorised extension, otherwise the earlier of the statutory date
  // and any shorter timescale (TIM-03, TIM-04).
  Date Due() const;
  // Whole days past the governing date on `today` (0 when not overdue or no longer open).
  int DaysOverdue(Date today) const;
  // Reports count lateness against the statutory date, whatever extension was given (TIM-04):
  // met after it, or still open after it.
  bool LateAgainstStatutory(Date today) const;
};

enum class ExtensionStatus { kPending, kAuthorised, kDeclined };
const char* ExtensionStatusName(ExtensionStatus status);

struct Consultation {
  std::string id;
  std::string agency;
  std::string manager_name;
  Timestamp consulted_at{};
  std::string view;  // what they said
  std::string recorded_by;
  Timestamp recorded_at{};
};

struct ExtensionRequest {
  std::string id;
  std::string clock_id;
  std::string requested_by;
  Timestamp requested_at{};
  std::string reason;
  Date proposed_due{};
  std::vector<std::string> agencies;  // the other agencies involved, each to be consulted
  ExtensionStatus status = ExtensionStatus::kPending;
  std::string decided_by;
  std::optional<Timestamp> decided_at;
  std::string decision_reason;
  std::vector<Consultation> consultations;

  // The agencies named in the request whose manager has not been consulted yet.
  std::vector<std::string> AgenciesNotConsulted() const;
};

}  // namespace casework
