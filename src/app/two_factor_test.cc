// Two-factor sign-in through the use cases (SEC-03): setting it up only with a right code,
// the code needed at sign-in, codes working once, throttling of wrong codes, roles that
// require it, turning it off and an administrator's reset.
#include "app/two_factor.h"

#include <gtest/gtest.h>

#include "app/sessions.h"
#include "crypto/totp.h"
#include "app/access_log_reading.h"
#include "store/user_repo.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

using testing::TestServices;
using namespace std::chrono_literals;

constexpr char kPassword[] = "Correct-Lantern-Staple-9";

// The code an authenticator app holding this base32 secret shows at this time, computed
// independently of Casework's own base32 encoding.
std::string CodeFor(const std::string& base32, Timestamp at, int64_t step_offset = 0) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string bytes;
  uint32_t buffer = 0;
  int bits = 0;
  for (char c : base32) {
    buffer = (buffer << 5) | static_cast<uint32_t>(std::string_view(kAlphabet).find(c));
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return crypto::TotpCode(bytes, crypto::TotpStep(at) + step_offset);
}

class TwoFactorTest : public ::testing::Test {
 protected:
  TwoFactorTest() : sam_(t_.AddActor("sam", Role::kPractitioner)) {}

  // Sets two-factor up for sam and returns the secret; the clock moves on a step so the
  // code used to confirm is not the next one expected.
  std::string Enrol() {
    Result<TwoFactorSetup> setup = BeginTwoFactor(t_.services(), sam_);
    EXPECT_TRUE(setup.ok()) << setup.status().ToString();
    EXPECT_TRUE(ConfirmTwoFactor(t_.services(), sam_, CodeFor(setup->secret, Now())).ok());
    t_.clock().Advance(30s);
    return setup->secret;
  }
  Timestamp Now() { return t_.clock().Now(); }
  User Stored(const std::string& username) {
    std::optional<User> u;
    t_.db().Read([&](store::Connection& c) {
      u = store::UserRepo(c).FindByUsername(username);
      return Status::Ok();
    });
    return *u;
  }
  std::vector<AccessEvent> Log() {
    return *ReadAccessLog(t_.services(), {});
  }

  TestServices t_;
  Actor sam_;
};

// SEC-03: set-up completes only with a right code from the app; the secret is kept sealed,
// never as the text the app was given.
TEST_F(TwoFactorTest, SEC03_SetUpNeedsARightCode) {
  Result<TwoFactorSetup> setup = BeginTwoFactor(t_.services(), sam_);
  ASSERT_TRUE(setup.ok());
  EXPECT_EQ(setup->secret.size(), 32u);  // 160 bits in base32
  EXPECT_EQ(setup->otpauth_uri.rfind("otpauth://totp/Casework:sam?secret=" + setup->secret + "&issuer=Casework", 0),
            0u);
  EXPECT_FALSE(TwoFactorOn(Stored("sam")));
  EXPECT_EQ(Stored("sam").totp_secret.find(setup->secret), std::string::npos);
  std::string wrong = CodeFor(setup->secret, Now(), 5);
  Status refused = ConfirmTwoFactor(t_.services(), sam_, wrong);
  EXPECT_EQ(refused.field(), "code");
  EXPECT_FALSE(TwoFactorOn(Stored("sam")));
  // Not yet confirmed: sign-in still needs only the password.
  Result<SignedIn> in = SignIn(t_.services(), "sam", kPassword, "10.0.0.1", "");
  ASSERT_TRUE(in.ok());
  EXPECT_FALSE(in->second_factor);
  std::string code = CodeFor(setup->secret, Now());
  EXPECT_TRUE(ConfirmTwoFactor(t_.services(), sam_, code.substr(0, 3) + " " + code.substr(3)).ok());
  EXPECT_TRUE(TwoFactorOn(Stored("sam")));
  EXPECT_EQ(BeginTwoFactor(t_.services(), sam_).status().code(), StatusCode::kConflict);
}

// SEC-03: with two-factor on, the password alone opens no session; the challenge and a code
// do, and that code does not work a second time.
TEST_F(TwoFactorTest, SEC03_SignInNeedsTheCodeAndACodeWorksOnce) {
  std::string secret = Enrol();
  Result<SignedIn> first = SignIn(t_.services(), "sam", kPassword, "10.0.0.1", "");
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(first->second_factor);
  EXPECT_TRUE(first->token.empty());
  std::string code = CodeFor(secret, Now());
  Result<SignedIn> done = CompleteSignIn(t_.services(), first->second_factor->challenge, code, "10.0.0.1", "");
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_TRUE(Authenticate(t_.services(), done->token, "10.0.0.1").ok());
  // Replayed: the same code again, within the same step.
  Result<SignedIn> again = SignIn(t_.services(), "sam", kPassword, "10.0.0.1", "");
  Result<SignedIn> replay = CompleteSignIn(t_.services(), again->second_factor->challenge, code, "10.0.0.1", "");
  EXPECT_EQ(replay.status().code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(replay.status().field(), "code");
  // A phone a step behind gives the code before the one used: refused too, as it is older.
  EXPECT_FALSE(CompleteSignIn(t_.services(), again->second_factor->challenge, CodeFor(secret, Now(), -1), "10.0.0.1",
                              "")
                   .ok());
  // A phone a step ahead is accepted.
  EXPECT_TRUE(
      CompleteSignIn(t_.services(), again->second_factor->challenge, CodeFor(secret, Now(), 1), "10.0.0.1", "").ok());
}

// SEC-03: wrong codes count towards the lock like wrong passwords, and are logged without
// the code; an expired or altered challenge is refused.
TEST_F(TwoFactorTest, SEC03_WrongCodesThrottledAndLoggedWithoutTheCode) {
  t_.settings().sign_in.max_failures = 3;
  std::string secret = Enrol();
  Result<SignedIn> first = SignIn(t_.services(), "sam", kPassword, "10.0.0.1", "");
  const std::string challenge = first->second_factor->challenge;
  std::string right = CodeFor(secret, Now());
  // Digits unlikely to appear by chance in ids or times in the log.
  std::string wrong = right == "914372" ? "528913" : "914372";
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(CompleteSignIn(t_.services(), challenge, wrong, "10.0.0.1", "").status().code(),
              StatusCode::kUnauthenticated);
  }
  EXPECT_EQ(CompleteSignIn(t_.services(), challenge, right, "10.0.0.1", "").status().code(),
            StatusCode::kTooManyRequests);
  int refused = 0;
  for (const AccessEvent& e : Log()) {
    EXPECT_EQ(e.detail.find(wrong), std::string::npos);
    EXPECT_EQ(e.basis.find(wrong), std::string::npos);
    if (e.action == "sign_in" && e.outcome == "refused" && e.basis == "wrong or reused one-time code") ++refused;
  }
  EXPECT_EQ(refused, 3);
  t_.clock().Advance(t_.settings().sign_in.lockout + 1s);
  EXPECT_EQ(CompleteSignIn(t_.services(), challenge, CodeFor(secret, Now()), "10.0.0.1", "").status().field(),
            "challenge");  // expired long ago
  std::string altered = challenge;
  altered[60] = altered[60] == 'a' ? 'b' : 'a';
  Result<SignedIn> next = SignIn(t_.services(), "sam", kPassword, "10.0.0.1", "");
  EXPECT_EQ(CompleteSignIn(t_.services(), altered, CodeFor(secret, Now()), "10.0.0.1", "").status().field(),
            "challenge");
  EXPECT_TRUE(CompleteSignIn(t_.services(), next->second_factor->challenge, CodeFor(secret, Now()), "10.0.0.1", "")
                  .ok());
}

// SEC-03: a role the partnership lists must set two-factor up before doing anything else,
// and cannot turn it off.
TEST_F(TwoFactorTest, SEC03_RequiredRoleMustSetUpAndCannotTurnOff) {
  t_.settings().sign_in.two_factor_required_for = {"practitioner"};
  Actor maureen = t_.AddActor("maureen", Role::kTeamManager);
  Result<SignedIn> in = SignIn(t_.services(), "sam", kPassword, "10.0.0.1", "");
  ASSERT_TRUE(in.ok());
  ASSERT_FALSE(in->second_factor);
  EXPECT_TRUE(Authenticate(t_.services(), in->token, "10.0.0.1")->two_factor_setup_required);
  Result<SignedIn> manager = SignIn(t_.services(), "maureen", kPassword, "10.0.0.1", "");
  EXPECT_FALSE(Authenticate(t_.services(), manager->token, "10.0.0.1")->two_factor_setup_required);
  std::string secret = Enrol();
  EXPECT_FALSE(Authenticate(t_.services(), in->token, "10.0.0.1")->two_factor_setup_required);
  EXPECT_EQ(TurnOffTwoFactor(t_.services(), sam_, CodeFor(secret, Now())).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(TwoFactorOn(Stored("sam")));
  t_.settings().sign_in.two_factor_required_for = {"all"};
  EXPECT_TRUE(TwoFactorRequired(t_.settings(), Role::kAdministrator));
}

// SEC-03: turning it off needs a current code, so a session left open cannot.
TEST_F(TwoFactorTest, SEC03_TurningOffNeedsACurrentCode) {
  std::string secret = Enrol();
  EXPECT_EQ(TurnOffTwoFactor(t_.services(), sam_, "123").field(), "code");
  EXPECT_TRUE(TwoFactorOn(Stored("sam")));
  EXPECT_TRUE(TurnOffTwoFactor(t_.services(), sam_, CodeFor(secret, Now())).ok());
  EXPECT_FALSE(TwoFactorOn(Stored("sam")));
  EXPECT_TRUE(Stored("sam").totp_secret.empty());
  EXPECT_FALSE(SignIn(t_.services(), "sam", kPassword, "10.0.0.1", "")->second_factor);
}

// SEC-03: wrong codes given to turn two-factor off count towards the sign-in lock, so a
// session left open cannot be used to guess codes; while locked, even the right code is
// refused, and so is signing in from that address.
TEST_F(TwoFactorTest, SEC03_GuessingCodesToTurnOffLocksTheAccount) {
  t_.settings().sign_in.max_failures = 3;
  std::string secret = Enrol();
  sam_.client_address = "10.0.0.7";
  std::string right = CodeFor(secret, Now());
  std::string wrong = right == "914372" ? "528913" : "914372";
  for (int i = 0; i < 3; ++i) EXPECT_EQ(TurnOffTwoFactor(t_.services(), sam_, wrong).field(), "code");
  EXPECT_EQ(TurnOffTwoFactor(t_.services(), sam_, right).code(), StatusCode::kTooManyRequests);
  EXPECT_TRUE(TwoFactorOn(Stored("sam")));
  EXPECT_EQ(SignIn(t_.services(), "sam", kPassword, "10.0.0.7", "").status().code(), StatusCode::kTooManyRequests);
  int locked = 0;
  for (const AccessEvent& e : Log()) {
    if (e.action == "two_factor.off" && e.outcome == "refused" && e.detail == "locked after repeated failures") ++locked;
  }
  EXPECT_EQ(locked, 1);
  t_.clock().Advance(t_.settings().sign_in.lockout + 1s);
  EXPECT_TRUE(TurnOffTwoFactor(t_.services(), sam_, CodeFor(secret, Now())).ok());
  EXPECT_FALSE(TwoFactorOn(Stored("sam")));
}

// SEC-03: an administrator resets a lost phone; the user's sessions end, the reset is in
// the access log, and no one else may do it.
TEST_F(TwoFactorTest, SEC03_AdministratorResetsAndIsAudited) {
  Enrol();
  Actor ade = t_.AddActor("ade", Role::kAdministrator, "");
  Actor jo = t_.AddActor("jo", Role::kPractitioner);
  Result<SignedIn> open = SignIn(t_.services(), "jo", kPassword, "10.0.0.1", "");
  EXPECT_EQ(ResetTwoFactor(t_.services(), &jo, sam_.user.id).code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(TwoFactorOn(Stored("sam")));
  EXPECT_TRUE(ResetTwoFactor(t_.services(), &ade, sam_.user.id).ok());
  EXPECT_FALSE(TwoFactorOn(Stored("sam")));
  EXPECT_EQ(ResetTwoFactor(t_.services(), &ade, "01HZZZZZZZZZZZZZZZZZZZZZZZ").code(), StatusCode::kNotFound);
  bool audited = false, refusal = false;
  for (const AccessEvent& e : Log()) {
    if (e.action == "two_factor.reset" && e.outcome != "refused" && e.username == "ade") audited = true;
    if (e.action == "two_factor.reset" && e.outcome == "refused" && e.username == "jo") refusal = true;
  }
  EXPECT_TRUE(audited);
  EXPECT_TRUE(refusal);
  EXPECT_TRUE(ResetTwoFactorByUsername(t_.services(), "jo").ok());
  EXPECT_FALSE(Authenticate(t_.services(), open->token, "10.0.0.1").ok());  // jo's sessions ended
}

}  // namespace
}  // namespace casework::app
