// Matching a method and path to a handler. Patterns are literal segments and {name}
// placeholders: "/api/v1/persons/{id}/journal".
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "http/message.h"

namespace casework::http {

using PathParams = std::map<std::string, std::string>;

template <typename Handler>
class Router {
 public:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };

  struct Match {
    const Route* route = nullptr;
    PathParams params;
    bool path_known = false;  // the path exists for some other method (405, not 404)
  };

  void Add(std::string method, const std::string& pattern, Handler handler) {
    routes_.push_back({std::move(method), Split(pattern), std::move(handler)});
  }

  Match Find(const std::string& method, const std::string& path) const {
    Match m;
    std::vector<std::string> parts = Split(path);
    for (const Route& r : routes_) {
      PathParams params;
      if (!Matches(r.segments, parts, params)) continue;
      if (r.method != method) {
        m.path_known = true;
        continue;
      }
      m.route = &r;
      m.params = std::move(params);
      return m;
    }
    return m;
  }

  const std::vector<Route>& routes() const { return routes_; }

 private:
  static std::vector<std::string> Split(const std::string& path) {
    std::vector<std::string> out;
    size_t start = 1;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string::npos) end = path.size();
      out.push_back(path.substr(start, end - start));
      start = end + 1;
    }
    return out;
  }

  static bool IsPlaceholder(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
  }

  // The placeholders' values are copied out only once the whole path has matched: most routes
  // tried share a prefix with the path and fail on a later segment.
  static bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& parts,
                      PathParams& params) {
    if (pattern.size() != parts.size()) return false;
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (IsPlaceholder(pattern[i]) ? parts[i].empty() : pattern[i] != parts[i]) return false;
    }
    for (size_t i = 0; i < pattern.size(); ++i) {
      if (IsPlaceholder(pattern[i])) params[pattern[i].substr(1, pattern[i].size() - 2)] = parts[i];
    }
    return true;
  }

  std::vector<Route> routes_;
};

}  // namespace casework::http
