#include "http/forwarded.h"

#include <gtest/gtest.h>

namespace casework::http {
namespace {

const std::vector<std::string> kProxies = {"10.0.0.5", "10.0.0.6"};

TEST(ClientAddress, FromATrustedProxyIsTheAddressItHeardFrom) {
  EXPECT_EQ(ClientAddress("10.0.0.5", "203.0.113.7", kProxies), "203.0.113.7");
  // A client may send its own X-Forwarded-For; only what the proxies appended counts.
  EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.1, 203.0.113.7", kProxies), "203.0.113.7");
  // Through two trusted proxies.
  EXPECT_EQ(ClientAddress("10.0.0.5", "198.51.100.1, 203.0.113.7, 10.0.0.6", kProxies), "203.0.113.7");
  EXPECT_EQ(ClientAddress("10.0.0.5", " 2001:db8::1 ", kProxies), "2001:db8::1");
}

TEST(ClientAddress, FromAnyoneElseTheHeaderIsIgnored) {
  EXPECT_EQ(ClientAddress("192.0.2.9", "203.0.113.7", kProxies), "192.0.2.9");
  EXPECT_EQ(ClientAddress("192.0.2.9", "203.0.113.7", {}), "192.0.2.9");
}

TEST(ClientAddress, WithoutAUsableHeaderIsThePeer) {
  EXPECT_EQ(ClientAddress("10.0.0.5", "", kProxies), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", "not-an-address", kProxies), "10.0.0.5");
  EXPECT_EQ(ClientAddress("10.0.0.5", "203.0.113.7, <script>", kProxies), "10.0.0.5");
}

// SEC-02: the session cookie is marked Secure, and HSTS sent, only when the user's browser
// reached Casework over HTTPS; behind a proxy, only the proxy may say so.
TEST(ForwardedOverTls, OnlyATrustedProxySaysTheRequestCameOverHttps) {
  EXPECT_TRUE(ForwardedOverTls("10.0.0.5", "https", kProxies));
  EXPECT_TRUE(ForwardedOverTls("10.0.0.6", " HTTPS ", kProxies));
  EXPECT_FALSE(ForwardedOverTls("10.0.0.5", "http", kProxies));
  EXPECT_FALSE(ForwardedOverTls("10.0.0.5", "", kProxies));
  EXPECT_FALSE(ForwardedOverTls("10.0.0.5", "httpsx", kProxies));
  EXPECT_FALSE(ForwardedOverTls("192.0.2.9", "https", kProxies));
  EXPECT_FALSE(ForwardedOverTls("192.0.2.9", "https", {}));
}

TEST(ForwardedOverTls, OfAListTheProxysOwnValueCounts) {
  EXPECT_FALSE(ForwardedOverTls("10.0.0.5", "https, http", kProxies));
  EXPECT_TRUE(ForwardedOverTls("10.0.0.5", "http, https", kProxies));
}

}  // namespace
}  // namespace casework::http
