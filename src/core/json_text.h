// JSON written straight into text: responses with long lists (a chronology of 10,000 events),
// and the bodies of the commonest journal items, where building a document of objects first
// and then serialising it cost more than everything else around it. Gives the same text as
// boost::json::serialize, so stored bodies and answers are the bytes a document would give.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/time.h"

namespace casework {

class JsonText {
 public:
  explicit JsonText(size_t reserve = 0) { out_.reserve(reserve); }

  // Punctuation as it stands: "{", "}", "[", "]", ",".
  JsonText& Raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  // "name": with a comma before it unless first is true. Names are Casework's own, plain
  // words that need no escaping, so they are written as they stand.
  JsonText& Key(std::string_view name, bool first = false);
  JsonText& String(std::string_view value);
  JsonText& Int(int64_t value);
  // A time as FormatTimestamp writes it, which needs no escaping, without allocating.
  JsonText& Time(Timestamp t);
  JsonText& Bool(bool value) { return Raw(value ? "true" : "false"); }
  JsonText& Null() { return Raw("null"); }

  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace casework
