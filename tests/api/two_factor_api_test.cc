// Two-factor sign-in through the real server (SEC-03): setting it up, signing in with a
// code, wrong and replayed codes, a role that requires it, turning it off, and an
// administrator's reset through the API and the command line.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <thread>

#include "api/live_server.h"
#include "core/clock.h"
#include "crypto/crypto.h"
#include "crypto/totp.h"

namespace casework::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// What an authenticator app holding a base32 secret does.
class App {
 public:
  explicit App(const std::string& base32) {
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    uint32_t buffer = 0;
    int bits = 0;
    for (char c : base32) {
      buffer = (buffer << 5) | static_cast<uint32_t>(kAlphabet.find(c));
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        secret_ += static_cast<char>((buffer >> bits) & 0xff);
      }
    }
  }

  // A code the server has not seen used: this step's, or the next step's when this one's
  // is spent (the server allows a step of drift). Waits for the clock only when both are.
  std::string Fresh() {
    for (;;) {
      int64_t now = crypto::TotpStep(SystemClock().Now());
      int64_t step = std::max(now, used_ + 1);
      if (step <= now + 1) {
        used_ = step;
        return crypto::TotpCode(secret_, step);
      }
      std::this_thread::sleep_for(1s);
    }
  }
  // The code last given, as someone overhearing it would replay it.
  std::string Last() const { return crypto::TotpCode(secret_, used_); }
  // A code that is certainly not right now.
  std::string Wrong() const {
    int64_t now = crypto::TotpStep(SystemClock().Now());
    for (std::string guess : {"000000", "111111", "222222", "333333"}) {
      bool near = false;
      for (int64_t s = now - 1; s <= now + 2; ++s) near = near || crypto::TotpCode(secret_, s) == guess;
      if (!near) return guess;
    }
    return "999999";
  }

 private:
  std::string secret_;
  int64_t used_ = 0;
};

HttpResult SignInAs(LiveServer& server, const std::string& username) {
  return SendHttp(server.port(), "POST", "/api/v1/sessions",
                  json::serialize(json::object{{"username", username}, {"password", kTestPassword}}), {});
}

HttpResult Complete(LiveServer& server, const std::string& challenge, const std::string& code) {
  return SendHttp(server.port(), "POST", "/api/v1/sessions/second-factor",
                  json::serialize(json::object{{"challenge", challenge}, {"code", code}}), {});
}

HttpResult SendCode(LiveServer& server, const std::string& method, const std::string& token, const std::string& code) {
  return server.Send(method, "/api/v1/sessions/current/two-factor", token,
                     json::serialize(json::object{{"code", code}}));
}

std::string Field(const HttpResult& r) {
  return std::string(r.Json().at("error").at("field").as_string());
}

// Sets two-factor up for the user signed in with token; returns their app.
App Enrol(LiveServer& server, const std::string& token) {
  HttpResult begun = server.Post("/api/v1/sessions/current/two-factor", token, json::object{});
  EXPECT_EQ(begun.status, 201) << begun.body;
  App app(std::string(begun.Json().at("secret").as_string()));
  HttpResult confirmed = SendCode(server, "PUT", token, app.Fresh());
  EXPECT_EQ(confirmed.status, 204) << confirmed.body;
  return app;
}

class TwoFactorApi : public ::testing::Test {
 protected:
  void SetUp() override { crypto::Initialise(); }
};

// SEC-03: set-up needs a right code; then the password alone opens no session, the code
// does, and the same code does not work again.
TEST_F(TwoFactorApi, SEC03_EnrolThenSignInWithACode) {
  LiveServer server;
  std::string sam = server.SignIn("sam");
  HttpResult begun = server.Post("/api/v1/sessions/current/two-factor", sam, json::object{});
  ASSERT_EQ(begun.status, 201) << begun.body;
  std::string secret(begun.Json().at("secret").as_string());
  EXPECT_EQ(std::string(begun.Json().at("otpauth_uri").as_string()),
            "otpauth://totp/Casework:sam?secret=" + secret + "&issuer=Casework&algorithm=SHA1&digits=6&period=30");
  App app(secret);
  HttpResult wrong = SendCode(server, "PUT", sam, app.Wrong());
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(Field(wrong), "code");
  EXPECT_FALSE(server.Get("/api/v1/sessions/current", sam).Json().at("two_factor").at("enabled").as_bool());
  ASSERT_EQ(SendCode(server, "PUT", sam, app.Fresh()).status, 204);
  EXPECT_TRUE(server.Get("/api/v1/sessions/current", sam).Json().at("two_factor").at("enabled").as_bool());

  HttpResult first = SignInAs(server, "sam");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.Json().at("second_factor_required").as_bool());
  EXPECT_FALSE(first.Json().as_object().contains("token"));
  EXPECT_EQ(first.Header("set-cookie"), "");
  std::string challenge(first.Json().at("challenge").as_string());
  HttpResult refused = Complete(server, challenge, app.Wrong());
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(Field(refused), "code");
  // A forged challenge is refused with a code that is right: the challenge is what fails.
  HttpResult forged = Complete(server, "00" + challenge.substr(2), app.Fresh());
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(Field(forged), "challenge");
  // The refused attempt did not spend the code.
  HttpResult done = Complete(server, challenge, app.Last());
  ASSERT_EQ(done.status, 201) << done.body;
  EXPECT_NE(done.Header("set-cookie"), "");
  std::string token(done.Json().at("token").as_string());
  EXPECT_EQ(server.Get("/api/v1/caseload", token).status, 200);
  // Replayed by someone who saw it typed.
  HttpResult again = SignInAs(server, "sam");
  HttpResult replay = Complete(server, std::string(again.Json().at("challenge").as_string()), app.Last());
  EXPECT_EQ(replay.status, 401) << replay.body;
}

// SEC-03: wrong codes count towards the lock like wrong passwords.
TEST_F(TwoFactorApi, SEC03_WrongCodesAreThrottled) {
  LiveServerOptions options;
  options.settings.insert({"sign_in", "max_failures = 3"});
  LiveServer server(options);
  App app = Enrol(server, server.SignIn("jo"));
  std::string challenge(SignInAs(server, "jo").Json().at("challenge").as_string());
  for (int i = 0; i < 3; ++i) EXPECT_EQ(Complete(server, challenge, app.Wrong()).status, 401);
  HttpResult locked = Complete(server, challenge, app.Fresh());
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_EQ(SignInAs(server, "jo").status, 429);  // the password step is locked too
}

// SEC-03: a partnership requiring two-factor for a role: its users may only set it up until
// they have, and cannot turn it off; other roles are unaffected.
TEST_F(TwoFactorApi, SEC03_RequiredRoleMustSetUpFirst) {
  LiveServerOptions options;
  options.settings.insert({"sign_in", R"(two_factor_required_for = ["practitioner"])"});
  LiveServer server(options);
  std::string sam = server.SignIn("sam");
  HttpResult blocked = server.Get("/api/v1/caseload", sam);
  EXPECT_EQ(blocked.status, 403);
  EXPECT_NE(blocked.body.find("two_factor_setup_required"), std::string::npos);
  json::value current = server.Get("/api/v1/sessions/current", sam).Json();
  EXPECT_TRUE(current.at("two_factor").at("required").as_bool());
  EXPECT_TRUE(current.at("two_factor").at("setup_required").as_bool());
  EXPECT_EQ(server.Get("/api/v1/caseload", server.SignIn("maureen")).status, 200);
  App app = Enrol(server, sam);
  EXPECT_EQ(server.Get("/api/v1/caseload", sam).status, 200);
  HttpResult off = SendCode(server, "DELETE", sam, app.Fresh());
  EXPECT_EQ(off.status, 403) << off.body;
  EXPECT_EQ(SignInAs(server, "sam").status, 200);  // still asks for the code
}

// SEC-03: turning it off needs a current code.
TEST_F(TwoFactorApi, SEC03_TurnOffNeedsACode) {
  LiveServer server;
  std::string sam = server.SignIn("sam");
  App app = Enrol(server, sam);
  HttpResult wrong = SendCode(server, "DELETE", sam, app.Wrong());
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(SignInAs(server, "sam").status, 200);
  EXPECT_EQ(SendCode(server, "DELETE", sam, app.Fresh()).status, 204);
  EXPECT_EQ(SignInAs(server, "sam").status, 201);
}

// SEC-03: an administrator resets a lost phone through the API, or from the server's
// command line; the user's sessions end; no one else may.
TEST_F(TwoFactorApi, SEC03_AdministratorResets) {
  LiveServer server;
  std::string sam = server.SignIn("sam");
  Enrol(server, sam);
  std::string target = "/api/v1/users/" + server.UserId("sam") + "/two-factor-reset";
  EXPECT_EQ(server.Post(target, server.SignIn("maureen"), json::object{}).status, 403);
  EXPECT_EQ(SignInAs(server, "sam").status, 200);
  HttpResult reset = server.Post(target, server.SignIn("ade"), json::object{});
  ASSERT_EQ(reset.status, 204) << reset.body;
  EXPECT_EQ(server.Get("/api/v1/sessions/current", sam).status, 401);
  std::string again(SignInAs(server, "sam").Json().at("token").as_string());
  Enrol(server, again);
  EXPECT_EQ(SignInAs(server, "sam").status, 200);
  std::vector<std::string> args = {"user", "reset-two-factor"};
  args.insert(args.end(), server.database_args().begin(), server.database_args().end());
  args.insert(args.end(), {"--username", "sam"});
  CommandResult command = RunCasework(args);
  EXPECT_EQ(command.exit_code, 0) << command.output;
  EXPECT_EQ(SignInAs(server, "sam").status, 201);
  args.back() = "nobody";
  EXPECT_NE(RunCasework(args).exit_code, 0);
}

}  // namespace
}  // namespace casework::testing
