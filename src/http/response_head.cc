#include "http/response_head.h"

#include <charconv>
#include <ostream>  // for Boost's string_view, which status.hpp uses

#include <boost/beast/http/status.hpp>

namespace casework::http {
namespace {

template <class Number>
void AppendNumber(std::string& out, Number n) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

}  // namespace

std::string ResponseHead(const Response& response, bool keep_alive) {
  std::string head;
  WriteResponseHead(response, keep_alive, head);
  return head;
}

void WriteResponseHead(const Response& response, bool keep_alive, std::string& head) {
  auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(response.status));
  head.clear();
  head.reserve(160 + 64 * response.headers.size());
  head += "HTTP/1.1 ";
  AppendNumber(head, response.status);
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
  AppendNumber(head, response.body.size());
  head += "\r\n\r\n";
}

}  // namespace casework::http
