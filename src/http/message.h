// Requests and responses as the router and handlers see them: plain values with no socket,
// so handlers can be called directly in tests.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casework::http {

struct Request {
  std::string method;  // upper case: "GET", "POST"...
  std::string path;    // percent-decoded
  std::multimap<std::string, std::string> query;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string client_address;
  bool tls = false;

  // The first value of a header, or "" when absent. name in lower case.
  std::string Header(std::string_view name) const;
  std::optional<std::string> QueryValue(const std::string& name) const;
  std::vector<std::string> QueryValues(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // Replaces a header of that name (in any case) or adds it. Takes views, so that the constant
  // headers every answer carries are copied once, into the response, not first into temporaries.
  void SetHeader(std::string_view name, std::string_view value);
  std::string Header(std::string_view name) const;
};

}  // namespace casework::http
