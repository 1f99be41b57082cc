#include "http/response_head.h"

#include <ostream>  // for Boost's string_view, which status.hpp uses

#include <boost/beast/http/status.hpp>

namespace casework::http {

std::string ResponseHead(const Response& response, bool keep_alive) {
  auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
  std::string head;
  head.reserve(160 + 64 * response.headers.size());
  head += "HTTP/1.1 ";
  head += std::to_string(response.status);
  head += ' ';
  head.append(reason.data(), reason.size());
  head += "\r\nServer: Casework\r\n";
  for (const auto& [name, value] : response.headers) {
    head += name;
    head += ": ";
    head += value;
    head += "\r\n";
  }
  if (!keep_alive) head += "Connection: close\r\n";
  head += "Content-Length: ";
  head += std::to_string(response.body.size());
  head += "\r\n\r\n";
  return head;
}

}  // namespace casework::http
