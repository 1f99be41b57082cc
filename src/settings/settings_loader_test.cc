#include "settings/settings_loader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "settings/config_fixture.h"

namespace casework {
namespace {

using testing::ConfigCopy;

// The shipped casework.toml with lines added at its end, which is in its [tls] section.
void Append(const ConfigCopy& config, const std::string& lines) {
  std::ifstream in(config.File("casework.toml"));
  std::stringstream text;
  text << in.rdbuf();
  config.Write("casework.toml", text.str() + "\n" + lines);
}

// SEC-02: HTTPS is off unless the config names a certificate and its key.
TEST(TlsSettings, SEC02_ShippedConfigServesPlainHttp) {
  Result<Settings> s = LoadSettings(DefaultConfigDir());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->tls.certificate_file, "");
  EXPECT_EQ(s->tls.key_file, "");
}

// SEC-02: relative paths are found in the config folder, absolute ones where they say.
TEST(TlsSettings, SEC02_FilesAreFoundBesideTheConfig) {
  ConfigCopy config;
  Append(config, "certificate = \"tls/casework.pem\"\nkey = \"/etc/casework/casework.key\"\n");
  Result<Settings> s = LoadSettings(config.path());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->tls.certificate_file, config.path() + "/tls/casework.pem");
  EXPECT_EQ(s->tls.key_file, "/etc/casework/casework.key");
}

TEST(TlsSettings, SEC02_ACertificateWithoutItsKeyIsRefused) {
  ConfigCopy config;
  Append(config, "certificate = \"casework.pem\"\n");
  Result<Settings> s = LoadSettings(config.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().message(), "tls.certificate and tls.key must be given together, or neither");
}

}  // namespace
}  // namespace casework
