#include "store/postgres/pg_sql.h"

namespace casework::store {

std::string NumberPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 1;
  size_t i = 0;
  // Copies text up to and including the closing delimiter; a doubled delimiter is an escaped one.
  auto copy_quoted = [&](char quote) {
    out += sql[i++];
    while (i < sql.size()) {
      char c = sql[i++];
      out += c;
      if (c == quote) {
        if (i < sql.size() && sql[i] == quote) {
          out += sql[i++];
          continue;
        }
        return;
      }
    }
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '\'' || c == '"') {
      copy_quoted(c);
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      size_t end = sql.find('\n', i);
      if (end == std::string_view::npos) end = sql.size();
      out.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '?') {
      out += '$' + std::to_string(next++);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace casework::store
