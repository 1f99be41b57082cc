// Reading typed values out of stored rows. Stored text that does not parse means the
// database was changed outside Casework, and is reported as a DbError.
#pragma once

#include <optional>
#include <string>

#include "core/time.h"
#include "store/database.h"

namespace casework::store {

Timestamp TimestampAt(const Cursor& row, int column);
std::optional<Timestamp> OptTimestampAt(const Cursor& row, int column);
std::optional<Date> OptDateAt(const Cursor& row, int column);
std::optional<bool> OptBoolAt(const Cursor& row, int column);

// Binds an optional date as text or NULL; the string must outlive the statement.
inline Value DateValue(const std::optional<std::string>& text) {
  return text ? Value{std::string_view(*text)} : Value{nullptr};
}
std::optional<std::string> DateText(const std::optional<Date>& d);

}  // namespace casework::store
