// HTTPS served by `casework serve` itself, and behind a proxy that does it (SEC-02: the
// session cookie is HttpOnly, SameSite=Strict, and Secure when served over TLS).
#include <gtest/gtest.h>

#include <string>

#include "api/live_server.h"
#include "support/self_signed_certificate.h"
#include "support/temp_dir.h"

namespace casework::testing {
namespace {

const std::string kSignIn = std::string(R"({"username":"sam","password":")") + kTestPassword + "\"}";
const std::string kHsts = "max-age=63072000; includeSubDomains";

bool Has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

LiveServerOptions WithArgs(std::string args) {
  LiveServerOptions options;
  options.extra_args = std::move(args);
  return options;
}

class TlsApi : public ::testing::Test {
 protected:
  static std::string TlsArgs(const TestCertificate& certificate) {
    return "--tls-cert " + certificate.certificate_file + " --tls-key " + certificate.key_file;
  }
  // What `casework serve` said when it would not start; empty if it started.
  static std::string StartFailure(LiveServerOptions options) {
    try {
      LiveServer server(std::move(options));
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }

  TempDir dir;
  TestCertificate certificate = MakeSelfSignedCertificate(dir.path(), "server");
};

// SEC-02
TEST_F(TlsApi, SEC02_SignInOverHttpsGivesASecureHttpOnlyStrictCookieAndHsts) {
  LiveServer server(WithArgs(TlsArgs(certificate)));
  const std::string& trusted = certificate.certificate_pem;
  HttpResult login = SendHttps(server.port(), trusted, "POST", "/api/v1/sessions", kSignIn, {});
  ASSERT_EQ(login.status, 201) << login.body;
  std::string cookie = login.Header("set-cookie");
  EXPECT_TRUE(Has(cookie, "; Secure")) << cookie;
  EXPECT_TRUE(Has(cookie, "; HttpOnly")) << cookie;
  EXPECT_TRUE(Has(cookie, "; SameSite=Strict")) << cookie;
  EXPECT_EQ(login.Header("strict-transport-security"), kHsts);

  // The cookie opens the session over HTTPS, and a browser on Casework's own https:// origin
  // may sign out with it; the cleared cookie is Secure too.
  std::string pair = cookie.substr(0, cookie.find(';'));
  std::string csrf(login.Json().at("csrf_token").as_string());
  HttpResult current = SendHttps(server.port(), trusted, "GET", "/api/v1/sessions/current", "", {{"Cookie", pair}});
  EXPECT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(current.Header("strict-transport-security"), kHsts);
  std::string origin = "https://127.0.0.1:" + std::to_string(server.port());
  HttpResult out = SendHttps(server.port(), trusted, "DELETE", "/api/v1/sessions/current", "",
                             {{"Cookie", pair}, {"X-CSRF-Token", csrf}, {"Origin", origin}});
  EXPECT_EQ(out.status, 204) << out.body;
  EXPECT_TRUE(Has(out.Header("set-cookie"), "Max-Age=0; Secure")) << out.Header("set-cookie");
  EXPECT_EQ(SendHttps(server.port(), trusted, "GET", "/api/v1/sessions/current", "", {{"Cookie", pair}}).status, 401);
}

// SEC-02: with a certificate the port speaks HTTPS only, and clients that do not trust the
// certificate cannot connect.
TEST_F(TlsApi, SEC02_PlainHttpToTheHttpsPortFails) {
  LiveServer server(WithArgs(TlsArgs(certificate)));
  std::string answer = SendRaw(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_FALSE(Has(answer, "HTTP/1.1")) << answer;
  EXPECT_ANY_THROW(SendHttp(server.port(), "POST", "/api/v1/sessions", kSignIn, {}));
  TestCertificate stranger = MakeSelfSignedCertificate(dir.path(), "stranger");
  EXPECT_ANY_THROW(SendHttps(server.port(), stranger.certificate_pem, "GET", "/api/v1/health", "", {}));
  EXPECT_EQ(SendHttps(server.port(), certificate.certificate_pem, "GET", "/api/v1/health", "", {}).status, 200);
}

// SEC-02: tls.certificate and tls.key in casework.toml do what the options do.
TEST_F(TlsApi, SEC02_CertificateAndKeyFromTheConfigFile) {
  LiveServerOptions options;
  options.settings = {{"tls", "certificate = \"" + certificate.certificate_file + "\""},
                      {"tls", "key = \"" + certificate.key_file + "\""}};
  LiveServer server(options);
  HttpResult login = SendHttps(server.port(), certificate.certificate_pem, "POST", "/api/v1/sessions", kSignIn, {});
  ASSERT_EQ(login.status, 201) << login.body;
  EXPECT_TRUE(Has(login.Header("set-cookie"), "; Secure"));
  EXPECT_ANY_THROW(SendHttp(server.port(), "GET", "/api/v1/health", "", {}));
}

// SEC-02: a server browsers could not use does not start; it says what is wrong.
TEST_F(TlsApi, SEC02_MismatchedOrMissingKeyRefusesToStart) {
  TestCertificate other = MakeSelfSignedCertificate(dir.path(), "other");
  std::string mismatched = StartFailure(WithArgs("--tls-cert " + certificate.certificate_file + " --tls-key " + other.key_file));
  EXPECT_TRUE(Has(mismatched, "--tls-key: the private key in " + other.key_file +
                                  " does not match the certificate in " + certificate.certificate_file))
      << mismatched;
  std::string missing = StartFailure(WithArgs("--tls-cert " + certificate.certificate_file + " --tls-key " + dir.File("absent.key")));
  EXPECT_TRUE(Has(missing, "--tls-key: " + dir.File("absent.key") + " cannot be read")) << missing;
  std::string alone = StartFailure(WithArgs("--tls-cert " + certificate.certificate_file));
  EXPECT_TRUE(Has(alone, "--tls-key: is needed too")) << alone;
}

// SEC-02: behind a proxy that does HTTPS, the proxy says so, and only a trusted one is believed.
TEST_F(TlsApi, SEC02_BehindATrustedProxyXForwardedProtoMarksTheCookieSecure) {
  LiveServer trusting(WithArgs("--trusted-proxy 127.0.0.1"));
  HttpResult proxied =
      SendHttp(trusting.port(), "POST", "/api/v1/sessions", kSignIn, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(proxied.status, 201) << proxied.body;
  EXPECT_TRUE(Has(proxied.Header("set-cookie"), "; Secure"));
  EXPECT_EQ(proxied.Header("strict-transport-security"), kHsts);
  HttpResult plain = SendHttp(trusting.port(), "POST", "/api/v1/sessions", kSignIn, {});
  EXPECT_FALSE(Has(plain.Header("set-cookie"), "Secure"));
  EXPECT_EQ(plain.Header("strict-transport-security"), "");

  LiveServer direct;
  HttpResult claimed = SendHttp(direct.port(), "POST", "/api/v1/sessions", kSignIn, {{"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(claimed.status, 201) << claimed.body;
  EXPECT_FALSE(Has(claimed.Header("set-cookie"), "Secure"));
  EXPECT_EQ(claimed.Header("strict-transport-security"), "");
}

}  // namespace
}  // namespace casework::testing
