#include "store/row.h"

namespace casework::store {

Timestamp TimestampAt(const Cursor& row, int column) {
  auto t = ParseTimestamp(row.Text(column), "stored time");
  if (!t.ok()) throw DbError(DbError::Kind::kOther, "unreadable stored time: " + row.String(column));
  return *t;
}

std::optional<Timestamp> OptTimestampAt(const Cursor& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return TimestampAt(row, column);
}

std::optional<Date> OptDateAt(const Cursor& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  auto d = ParseDate(row.Text(column), "stored date");
  if (!d.ok()) throw DbError(DbError::Kind::kOther, "unreadable stored date: " + row.String(column));
  return *d;
}

std::optional<bool> OptBoolAt(const Cursor& row, int column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Int(column) != 0;
}

std::optional<std::string> DateText(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return FormatDate(*d);
}

}  // namespace casework::store
