// Signing in safely through the real server: throttling of failed sign-ins, seeing and
// ending one's own sessions, and password changes forced after a reset (SEC-01..03).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "api/live_server.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

HttpResult SignInAs(LiveServer& server, const std::string& username, const std::string& password) {
  return SendHttp(server.port(), "POST", "/api/v1/sessions",
                  json::serialize(json::object{{"username", username}, {"password", password}}), {});
}

// SEC-03: after the configured number of failures an account is locked, even to the right
// password.
TEST(SignInSecurity, SEC03_RepeatedFailuresLockTheAccount) {
  LiveServerOptions options;
  options.settings.insert({"sign_in", "max_failures = 3"});
  LiveServer server(options);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(SignInAs(server, "jo", "Wrong-Guess-Number-" + std::to_string(i)).status, 401);
  HttpResult locked = SignInAs(server, "jo", kTestPassword);
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_NE(locked.body.find("try again after"), std::string::npos);
  // The address is locked too: one address guessing at many accounts is throttled as well
  // as many guesses at one.
  EXPECT_EQ(SignInAs(server, "sam", kTestPassword).status, 429);

}

// SEC-02: a user sees their open sessions and can end one left open elsewhere; it stops
// working at once.
TEST(SignInSecurity, SEC02_SeeAndEndOwnSessions) {
  LiveServer server;
  std::string here = server.SignIn("sam");
  std::string elsewhere = server.SignIn("sam");
  std::string other_user = server.SignIn("jo");
  HttpResult list = server.Get("/api/v1/sessions", here);
  ASSERT_EQ(list.status, 200) << list.body;
  json::array sessions = list.Json().at("sessions").as_array();
  ASSERT_EQ(sessions.size(), 2u);
  std::string other_id;
  for (const json::value& s : sessions) {
    if (!s.at("current").as_bool()) other_id = std::string(s.at("id").as_string());
  }
  ASSERT_FALSE(other_id.empty());
  // Another user cannot end it.
  EXPECT_EQ(server.Send("DELETE", "/api/v1/sessions/" + other_id, other_user).status, 404);
  EXPECT_EQ(server.Send("DELETE", "/api/v1/sessions/" + other_id, here).status, 204);
  EXPECT_EQ(server.Get("/api/v1/sessions/current", elsewhere).status, 401);
  EXPECT_EQ(server.Get("/api/v1/sessions/current", here).status, 200);
}

// SEC-02: opening a record summary and recording a case note, whose use cases check the
// session inside their own unit of work rather than before it, refuse a session ended between
// two requests on the second, and save nothing; so does a password reset, which ends them all.
TEST(SignInSecurity, SEC02_ASessionEndedBetweenTwoRequestsIsRefusedOnTheNext) {
  LiveServer server;
  std::string here = server.SignIn("sam");
  std::string elsewhere = server.SignIn("sam");
  HttpResult made = server.Post("/api/v1/children", here,
                                json::object{{"given_names", "Amelia"}, {"family_name", "Kept"},
                                             {"date_of_birth", "2018-04-02"}});
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string record = "/api/v1/persons/" + std::string(made.Json().at("person").at("id").as_string());
  json::object note{{"type", "case_note"},
                    {"occurred_at", "2026-01-05T10:00:00Z"},
                    {"text", "Home visit."},
                    {"classification", "fact"},
                    {"source", json::object{{"first_hand", true}}}};
  auto items = [&] { return server.Get(record + "/journal", here).Json().at("items").as_array().size(); };
  for (int i = 0; i < 3; ++i) {  // the session is kept after the first
    ASSERT_EQ(server.Get(record, elsewhere).status, 200);
    ASSERT_EQ(server.Post(record + "/entries", elsewhere, note).status, 201);
  }
  std::string elsewhere_id;
  json::value sessions = server.Get("/api/v1/sessions", here).Json();
  for (const json::value& s : sessions.at("sessions").as_array()) {
    if (!s.at("current").as_bool()) elsewhere_id = std::string(s.at("id").as_string());
  }
  ASSERT_EQ(server.Send("DELETE", "/api/v1/sessions/" + elsewhere_id, here).status, 204);
  const size_t before = items();
  EXPECT_EQ(server.Post(record + "/entries", elsewhere, note).status, 401);
  EXPECT_EQ(server.Get(record, elsewhere).status, 401);
  EXPECT_EQ(items(), before);

  ASSERT_EQ(server.Get(record, here).status, 200);
  ASSERT_EQ(server.Get(record, here).status, 200);
  std::string ade = server.SignIn("ade");
  ASSERT_EQ(server.Post("/api/v1/users/" + server.UserId("sam") + "/password-reset", ade,
                        json::object{{"temporary_password", "Temporary-Orchard-Lamp-4"}})
                .status,
            204);
  EXPECT_EQ(server.Get(record, here).status, 401);
  EXPECT_EQ(server.Post(record + "/entries", here, note).status, 401);
}

// SEC-03: after an administrator's reset the user must choose a new password before doing
// anything else; weak choices are refused.
TEST(SignInSecurity, SEC03_PasswordChangeForcedAfterReset) {
  LiveServer server;
  std::string ade = server.SignIn("ade");
  std::string sam_before = server.SignIn("sam");
  const std::string temporary = "Temporary-Orchard-Lamp-4";
  HttpResult reset = server.Post("/api/v1/users/" + server.UserId("sam") + "/password-reset", ade,
                                 json::object{{"temporary_password", temporary}});
  ASSERT_EQ(reset.status, 204) << reset.body;
  EXPECT_EQ(server.Get("/api/v1/sessions/current", sam_before).status, 401);  // sessions ended
  HttpResult signed_in = SignInAs(server, "sam", temporary);
  ASSERT_EQ(signed_in.status, 201) << signed_in.body;
  std::string sam = std::string(signed_in.Json().at("token").as_string());
  HttpResult blocked = server.Get("/api/v1/persons?name=x", sam);
  EXPECT_EQ(blocked.status, 403);
  EXPECT_NE(blocked.body.find("password_change_required"), std::string::npos);
  EXPECT_TRUE(server.Get("/api/v1/sessions/current", sam).Json().at("password_change_required").as_bool());

  auto change = [&](const std::string& next) {
    return server.Send("PUT", "/api/v1/sessions/current/password", sam,
                       json::serialize(json::object{{"current_password", temporary}, {"new_password", next}}));
  };
  EXPECT_EQ(change("short").status, 400);                       // SEC-01: too short
  EXPECT_EQ(change("sam-likes-long-walks").status, 400);        // contains the username
  EXPECT_EQ(change("my-casework-password").status, 400);        // contains "casework"
  EXPECT_EQ(change("Harbour-Violin-Cactus-7").status, 204);
  EXPECT_EQ(server.Get("/api/v1/persons?name=x", sam).status, 200);
  EXPECT_EQ(SignInAs(server, "sam", "Harbour-Violin-Cactus-7").status, 201);
  // Only administrators reset passwords.
  EXPECT_EQ(server.Post("/api/v1/users/" + server.UserId("jo") + "/password-reset", sam,
                        json::object{{"temporary_password", temporary}})
                .status,
            403);
}

}  // namespace
}  // namespace casework::testing
