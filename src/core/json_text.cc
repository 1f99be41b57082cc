#include "core/json_text.h"

#include <algorithm>
#include <charconv>
#include <cstring>

namespace casework {
namespace {

// Whether any of the eight bytes in w must be escaped: below 0x20, a quote or a backslash.
// Eight bytes are checked at once, so the long runs of plain text in a chronology of 10,000
// events are copied without looking at each character.
bool AnyToEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  auto any_zero = [&](uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  bool any_control = ((w - kOnes * 0x20) & ~w & kHigh) != 0;
  return any_control || any_zero(w ^ (kOnes * '"')) || any_zero(w ^ (kOnes * '\\'));
}

}  // namespace

JsonText& JsonText::Key(std::string_view name, bool first) {
  if (!first) out_ += ',';
  out_ += '"';
  out_ += name;
  out_ += "\":";
  return *this;
}

JsonText& JsonText::String(std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  size_t plain = 0;  // start of the run of characters that need no escape
  const size_t n = value.size();
  for (size_t i = 0; i < n;) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, value.data() + i, 8);
      if (!AnyToEscape(word)) {
        i += 8;
        continue;
      }
    }
    // One of the next eight characters (or of the last few) is to be escaped.
    for (size_t stop = std::min(n, i + 8); i < stop; ++i) {
      unsigned char c = static_cast<unsigned char>(value[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(value.substr(plain, i - plain));
      plain = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
      }
    }
  }
  out_.append(value.substr(plain));
  out_ += '"';
  return *this;
}

JsonText& JsonText::Time(Timestamp t) {
  out_ += '"';
  out_ += TimestampText(t).view();
  out_ += '"';
  return *this;
}

JsonText& JsonText::Int(int64_t value) {
  char buf[24];
  auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  out_.append(buf, end);
  return *this;
}

}  // namespace casework
