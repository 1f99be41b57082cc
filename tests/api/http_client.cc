#include "api/http_client.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json/parse.hpp>

namespace casework::testing {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = net::ssl;

boost::json::value HttpResult::Json() const {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec);
  return ec ? boost::json::value(nullptr) : v;
}

std::string HttpResult::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

namespace {

// Sends one request on a connected stream, plain or TLS, and reads the answer.
template <class Stream>
HttpResult Exchange(Stream& stream, unsigned short port, const std::string& method, const std::string& target,
                    const std::string& body, const std::map<std::string, std::string>& headers) {
  http::request<http::string_body> req(http::string_to_verb(method), target, 11);
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty() && req[http::field::content_type].empty()) req.set(http::field::content_type, "application/json");
  req.body() = body;
  req.prepare_payload();
  // The server may answer (413, say) and stop reading before the whole body is sent; the
  // answer is still there to read.
  beast::error_code write_error;
  http::write(stream, req, write_error);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 << 20);
  if (method == "HEAD") parser.skip(true);
  http::read(stream, buffer, parser);
  auto res = parser.release();
  HttpResult out;
  out.status = static_cast<int>(res.result_int());
  for (const auto& field : res) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers[name] = std::string(field.value());
  }
  out.body = std::move(res.body());
  return out;
}

}  // namespace

HttpResult SendHttp(unsigned short port, const std::string& method, const std::string& target,
                    const std::string& body, const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  HttpResult out = Exchange(stream, port, method, target, body, headers);
  beast::error_code ec;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ec);
  return out;
}

HttpResult SendHttps(unsigned short port, const std::string& trusted_certificate_pem, const std::string& method,
                     const std::string& target, const std::string& body,
                     const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  ssl::context context(ssl::context::tls_client);
  context.add_certificate_authority(net::buffer(trusted_certificate_pem));
  context.set_verify_mode(ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(ioc, context);
  stream.set_verify_callback(ssl::host_name_verification("127.0.0.1"));
  beast::get_lowest_layer(stream).connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  beast::get_lowest_layer(stream).expires_after(std::chrono::seconds(30));
  stream.handshake(ssl::stream_base::client);
  HttpResult out = Exchange(stream, port, method, target, body, headers);
  beast::error_code ec;
  stream.shutdown(ec);
  return out;
}

std::string SendRaw(unsigned short port, const std::string& bytes, int timeout_seconds) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  net::write(stream.socket(), net::buffer(bytes));
  std::string out;
  char chunk[4096];
  stream.expires_after(std::chrono::seconds(timeout_seconds));
  while (true) {
    beast::error_code ec;
    size_t n = stream.read_some(net::buffer(chunk), ec);
    out.append(chunk, n);
    if (ec) break;
  }
  return out;
}

}  // namespace casework::testing
