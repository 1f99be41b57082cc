#include "http/tls_context.h"

#include <gtest/gtest.h>
#include <openssl/ssl.h>

#include <fstream>

#include "support/self_signed_certificate.h"
#include "support/temp_dir.h"

namespace casework::http {
namespace {

using testing::MakeSelfSignedCertificate;
using testing::TempDir;
using testing::TestCertificate;

class TlsContextTest : public ::testing::Test {
 protected:
  // The message of a refused Load, as "field: message".
  static std::string Refusal(const std::string& certificate_file, const std::string& key_file) {
    auto loaded = TlsContext::Load(certificate_file, key_file);
    if (loaded.ok()) return "";
    return loaded.status().field() + ": " + loaded.status().message();
  }

  TempDir dir;
  TestCertificate certificate = MakeSelfSignedCertificate(dir.path(), "server");
};

// SEC-02: TLS 1.2 at least, with the certificate and key given.
TEST_F(TlsContextTest, SEC02_LoadsAMatchingPairWithTls12AtLeast) {
  auto loaded = TlsContext::Load(certificate.certificate_file, certificate.key_file);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  SSL_CTX* native = (*loaded)->native().native_handle();
  EXPECT_EQ(SSL_CTX_get_min_proto_version(native), TLS1_2_VERSION);
  EXPECT_NE(SSL_CTX_get0_certificate(native), nullptr);
  EXPECT_EQ(SSL_CTX_check_private_key(native), 1);
}

TEST_F(TlsContextTest, SEC02_RefusesAKeyThatIsNotTheCertificates) {
  TestCertificate other = MakeSelfSignedCertificate(dir.path(), "other");
  EXPECT_EQ(Refusal(certificate.certificate_file, other.key_file),
            "--tls-key: the private key in " + other.key_file + " does not match the certificate in " +
                certificate.certificate_file);
}

TEST_F(TlsContextTest, SEC02_RefusesMissingOrUnreadableFiles) {
  EXPECT_EQ(Refusal(dir.File("absent.pem"), certificate.key_file),
            "--tls-cert: " + dir.File("absent.pem") + " cannot be read: No such file or directory");
  EXPECT_EQ(Refusal(certificate.certificate_file, dir.path()), "--tls-key: " + dir.path() + " is a folder, not a file");
  EXPECT_EQ(Refusal("", certificate.key_file).rfind("--tls-cert: is needed too", 0), 0u);
  EXPECT_EQ(Refusal(certificate.certificate_file, "").rfind("--tls-key: is needed too", 0), 0u);
}

TEST_F(TlsContextTest, SEC02_RefusesFilesThatAreNotPem) {
  std::ofstream(dir.File("text.txt")) << "not a certificate\n";
  EXPECT_EQ(Refusal(dir.File("text.txt"), certificate.key_file).rfind(
                "--tls-cert: " + dir.File("text.txt") + " holds no certificate in PEM form", 0),
            0u);
  EXPECT_EQ(Refusal(certificate.certificate_file, dir.File("text.txt")),
            "--tls-key: " + dir.File("text.txt") + " holds no private key in PEM form");
  // The certificate given where the key should be.
  EXPECT_EQ(Refusal(certificate.certificate_file, certificate.certificate_file),
            "--tls-key: " + certificate.certificate_file + " holds no private key in PEM form");
}

TEST_F(TlsContextTest, SEC02_RefusesAKeyWithAPassphraseWithoutAsking) {
  TestCertificate locked = MakeSelfSignedCertificate(dir.path(), "locked", "a passphrase");
  EXPECT_EQ(Refusal(locked.certificate_file, locked.key_file).rfind(
                "--tls-key: " + locked.key_file + " is protected by a passphrase", 0),
            0u);
}

}  // namespace
}  // namespace casework::http
