// A child's case record: the current state that sits beside the child's journal. Family
// members and others are persons without one.
#pragma once

#include <optional>
#include <string>

#include "core/time.h"

namespace casework {

enum class RecordStatus { kOpen, kClosed };

struct CaseRecord {
  std::string person_id;
  std::string council_reference;  // the council's own reference number for the child
  RecordStatus status = RecordStatus::kOpen;
  Timestamp opened_at{};
  std::optional<Timestamp> closed_at;
  std::string allocated_worker_id;
  std::string allocated_team_id;
  bool restricted = false;
  int64_t version = 0;
};

}  // namespace casework
