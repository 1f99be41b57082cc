// The encoding that journal items and access log lines are hashed over: after a tag, each
// field as "<length>:<bytes>;", so no text can move a boundary between fields. Written
// straight into one string: it is made for every item and line a writer appends.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"

namespace casework::canonical {

inline void Put(std::string& out, std::string_view field) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, field.size()).ptr);
  out += ':';
  out += field;
  out += ';';
}

inline void Put(std::string& out, int64_t number) {
  char digits[24];
  Put(out, std::string_view(digits, std::to_chars(digits, digits + sizeof digits, number).ptr - digits));
}

// As FormatTimestamp writes it.
inline void Put(std::string& out, Timestamp t) { Put(out, TimestampText(t).view()); }

}  // namespace casework::canonical
