#include "app/sessions.h"

#include <gtest/gtest.h>

#include "app/access_log_reading.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;
using namespace std::chrono_literals;

constexpr char kPassword[] = "Correct-Lantern-Staple-9";

// SEC-03: each failed sign-in is logged with who and where, never with the password tried;
// after the configured number of failures the account is locked for the lockout period.
TEST(SessionsTest, SEC03_FailuresLoggedWithoutPasswordAndThrottled) {
  TestServices t;
  t.settings().sign_in.max_failures = 2;
  t.AddActor("sam", Role::kPractitioner);
  EXPECT_EQ(SignIn(t.services(), "sam", "Guess-Number-One", "10.0.0.9", "").status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(SignIn(t.services(), "sam", "Guess-Number-Two", "10.0.0.9", "").status().code(),
            StatusCode::kUnauthenticated);
  EXPECT_EQ(SignIn(t.services(), "sam", kPassword, "10.0.0.7", "").status().code(), StatusCode::kTooManyRequests);
  std::vector<AccessEvent> log = *ReadAccessLog(t.services(), {});
  int failures = 0;
  for (const AccessEvent& e : log) {
    EXPECT_EQ(e.detail.find("Guess-Number"), std::string::npos);
    EXPECT_EQ(e.basis.find("Guess-Number"), std::string::npos);
    if (e.action == "sign_in" && e.outcome == "refused") {
      ++failures;
      EXPECT_EQ(e.username, "sam");
      EXPECT_FALSE(e.client_address.empty());
    }
  }
  EXPECT_EQ(failures, 3);  // two wrong passwords and one attempt while locked
  t.clock().Advance(t.settings().sign_in.lockout + 1s);
  EXPECT_TRUE(SignIn(t.services(), "sam", kPassword, "10.0.0.7", "").ok());
}

// SEC-03: with a maximum password age, an older password must be changed before anything
// else; with 0, passwords never expire.
TEST(SessionsTest, SEC03_PasswordMaximumAge) {
  TestServices t;
  t.settings().passwords.max_age_days = 365;
  t.AddActor("sam", Role::kPractitioner);
  t.clock().Advance(24h * 366);
  Result<SignedIn> in = SignIn(t.services(), "sam", kPassword, "127.0.0.1", "");
  ASSERT_TRUE(in.ok());
  Result<Authenticated> auth = Authenticate(t.services(), in->token, "127.0.0.1");
  ASSERT_TRUE(auth.ok());
  EXPECT_TRUE(auth->password_change_required);
  t.settings().passwords.max_age_days = 0;
  EXPECT_FALSE(Authenticate(t.services(), in->token, "127.0.0.1")->password_change_required);
}

}  // namespace
}  // namespace casework::app
