#include "settings/settings_loader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "settings/config_fixture.h"

namespace casework {
namespace {

using testing::ConfigCopy;

// The shipped casework.toml with one line replaced.
std::string ShippedWith(const ConfigCopy& config, const std::string& from, const std::string& to) {
  std::ifstream in(config.File("casework.toml"));
  std::stringstream text;
  text << in.rdbuf();
  std::string toml = text.str();
  size_t at = toml.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  return toml.replace(at, from.size(), to);
}

// SEC-03: the roles that must sign in with a one-time code: a list, or "all" on its own.
TEST(SettingsLoader, SEC03_TwoFactorRequiredRoles) {
  EXPECT_TRUE(LoadSettings(DefaultConfigDir())->sign_in.two_factor_required_for.empty());
  ConfigCopy config;
  config.Write("casework.toml", ShippedWith(config, "two_factor_required_for = []",
                                            R"(two_factor_required_for = ["team_manager", "administrator"])"));
  Result<Settings> listed = LoadSettings(config.path());
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  EXPECT_EQ(listed->sign_in.two_factor_required_for, (std::vector<std::string>{"team_manager", "administrator"}));
  config.Write("casework.toml", ShippedWith(config, "two_factor_required_for = [\"team_manager\", \"administrator\"]",
                                            R"(two_factor_required_for = "all")"));
  EXPECT_EQ(LoadSettings(config.path())->sign_in.two_factor_required_for, (std::vector<std::string>{"all"}));
}

TEST(SettingsLoader, RefusesAnUnknownRoleForTwoFactor) {
  ConfigCopy config;
  config.Write("casework.toml",
               ShippedWith(config, "two_factor_required_for = []", R"(two_factor_required_for = ["managers"])"));
  Result<Settings> refused = LoadSettings(config.path());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("\"managers\""), std::string::npos) << refused.status().ToString();
}

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
