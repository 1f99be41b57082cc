// The recording rules an entry must meet before it is written (ENT-02..08).
#pragma once

#include <chrono>

#include "core/entry.h"
#include "core/status.h"

namespace casework {

// How far ahead of the server's clock an event time may be, so that a device whose clock runs
// a little fast can still record "now". Anything later is refused as a future event.
inline constexpr std::chrono::minutes kClockSkewAllowance{5};

// Ok, or the first rule broken with the field it concerns.
Status CheckEntry(const Entry& entry, Timestamp now);

// True when an entry about an event at occurred_at, written at recorded_at, was recorded
// later than the partnership's contemporaneous window allows.
bool IsLateEntry(Timestamp occurred_at, Timestamp recorded_at, std::chrono::minutes window);

// Ok when text is present (not just spaces) and not longer than max_chars characters.
Status CheckText(std::string_view text, const std::string& field, size_t max_chars, bool required);

}  // namespace casework
