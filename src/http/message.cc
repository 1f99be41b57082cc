#include "http/message.h"

#include <strings.h>

namespace casework::http {

std::string Request::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n == name) return v;
  }
  return {};
}

std::optional<std::string> Request::QueryValue(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Request::QueryValues(const std::string& name) const {
  std::vector<std::string> out;
  auto [begin, end] = query.equal_range(name);
  for (auto it = begin; it != end; ++it) out.push_back(it->second);
  return out;
}

void Response::SetHeader(std::string_view name, std::string_view value) {
  for (auto& [n, v] : headers) {
    if (n.size() == name.size() && strncasecmp(n.data(), name.data(), n.size()) == 0) {
      v = value;
      return;
    }
  }
  // An API answer carries about ten: room for them at once rather than four regrowths.
  if (headers.empty()) headers.reserve(12);
  headers.emplace_back(name, value);
}

std::string Response::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n.size() == name.size() && strncasecmp(n.data(), name.data(), n.size()) == 0) return v;
  }
  return {};
}

}  // namespace casework::http
