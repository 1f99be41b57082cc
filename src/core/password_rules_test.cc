#include "core/password_rules.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

// SEC-01: minimum length, common passwords and the user's own names are refused.
TEST(PasswordRules, SEC01_RefusesWeakPasswords) {
  PasswordPolicy policy;
  User user;
  user.username = "sam.okafor";
  user.full_name = "Sam Okafor";
  std::unordered_set<std::string> common = {"correcthorsebatterystaple"};
  EXPECT_EQ(CheckPasswordStrength("short-one", user, policy, common).field(), "password");
  EXPECT_FALSE(CheckPasswordStrength("CorrectHorseBatteryStaple", user, policy, common).ok());
  EXPECT_FALSE(CheckPasswordStrength("okafor-is-my-name", user, policy, common).ok());
  EXPECT_FALSE(CheckPasswordStrength("my-CASEWORK-login", user, policy, common).ok());
  EXPECT_TRUE(CheckPasswordStrength("Lantern-Hedgehog-47", user, policy, common).ok());
}

}  // namespace
}  // namespace casework
