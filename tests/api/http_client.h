// An HTTP/1.1 client for API tests, plain or over TLS: one connection per request, to loopback.
#pragma once

#include <map>
#include <string>

#include <boost/json/value.hpp>

namespace casework::testing {

struct HttpResult {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;

  // The body as JSON; null when it is not JSON.
  boost::json::value Json() const;
  std::string Header(const std::string& name) const;
};

HttpResult SendHttp(unsigned short port, const std::string& method, const std::string& target,
                    const std::string& body, const std::map<std::string, std::string>& headers);

// As SendHttp, over TLS, trusting only trusted_certificate_pem and requiring it to name
// 127.0.0.1. Throws if the handshake fails.
HttpResult SendHttps(unsigned short port, const std::string& trusted_certificate_pem, const std::string& method,
                     const std::string& target, const std::string& body,
                     const std::map<std::string, std::string>& headers);

// Sends raw bytes and returns whatever comes back before the server closes or the timeout
// passes: for malformed and slow requests.
std::string SendRaw(unsigned short port, const std::string& bytes, int timeout_seconds = 5);

}  // namespace casework::testing
