#include "http/response_head.h"

#include <gtest/gtest.h>

#include <boost/beast/http.hpp>
#include <sstream>

namespace casework::http {
namespace {

namespace bhttp = boost::beast::http;

// A response as Beast's serializer wrote it before the server sent its head itself: the same
// fields set in the same order, then the message written whole.
std::string AsBeastWroteIt(const Response& response, bool keep_alive, bool head_request) {
  bhttp::response<bhttp::string_body> out;
  out.result(static_cast<unsigned>(response.status));
  out.version(11);
  out.set(bhttp::field::server, "Casework");
  for (const auto& [name, value] : response.headers) out.insert(name, value);
  out.keep_alive(keep_alive);
  out.body() = response.body;
  out.prepare_payload();
  if (head_request) out.body().clear();
  std::ostringstream text;
  text << out;
  return text.str();
}

Response Recorded() {
  Response r;
  r.status = 201;
  r.SetHeader("Content-Type", "application/json; charset=utf-8");
  r.SetHeader("X-Session-Expires-In", "1799");
  r.SetHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
  r.SetHeader("Cache-Control", "no-store");
  r.body = R"({"item":{"id":"01M8MJV1V5S1SDEQABW2PGA6DT"},"undefined_acronyms":[]})";
  return r;
}

TEST(ResponseHead, AsBeastWroteItKeptAndClosed) {
  Response r = Recorded();
  EXPECT_EQ(ResponseHead(r, true) + r.body, AsBeastWroteIt(r, true, false));
  EXPECT_EQ(ResponseHead(r, false) + r.body, AsBeastWroteIt(r, false, false));
}

// A HEAD request is told the length of the body it is not sent.
TEST(ResponseHead, HeadRequestGivesTheLengthWithoutTheBody) {
  Response r = Recorded();
  r.status = 200;
  EXPECT_EQ(ResponseHead(r, true), AsBeastWroteIt(r, true, true));
}

TEST(ResponseHead, StatusesHeadersAndEmptyBodies) {
  for (int status : {200, 204, 304, 400, 401, 403, 404, 405, 409, 413, 422, 429, 431, 500, 503}) {
    Response r;
    r.status = status;
    if (status != 204 && status != 304) r.body = "{\"error\":{}}";
    EXPECT_EQ(ResponseHead(r, true) + r.body, AsBeastWroteIt(r, true, false)) << status;
    r.SetHeader("Set-Cookie", "casework_session=abc; HttpOnly; Secure; SameSite=Strict; Path=/");
    r.SetHeader("Content-Disposition", "attachment; filename=\"chronology-x.csv\"");
    EXPECT_EQ(ResponseHead(r, false) + r.body, AsBeastWroteIt(r, false, false)) << status;
  }
}

}  // namespace
}  // namespace casework::http
