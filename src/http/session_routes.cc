// Signing in and out, the current session and its two-factor sign-in (SEC-01..03).
#include "app/sessions.h"
#include "app/two_factor.h"
#include "app/users.h"
#include "http/cookies.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

// A new session, with its cookie; or, with two-factor on, the challenge to answer with a code.
Response Started(const Call& call, const Result<app::SignedIn>& signed_in) {
  if (!signed_in.ok()) return ErrorResponse(signed_in.status());
  Timestamp now = call.services.clock.Now();
  if (const auto& pending = signed_in->second_factor) {
    auto left = std::chrono::duration_cast<std::chrono::seconds>(pending->expires_at - now);
    return Ok(json::object{{"second_factor_required", true},
                           {"challenge", pending->challenge},
                           {"expires_in_seconds", left.count()}});
  }
  Response r = Ok(json::object{{"token", signed_in->token},
                               {"csrf_token", signed_in->session.csrf_token},
                               {"user", UserJson(signed_in->user)},
                               {"session", SessionJson(signed_in->session, signed_in->expires_at, now)}},
                  201);
  r.SetHeader("Set-Cookie", SessionCookie(signed_in->token, call.request.tls));
  return r;
}

Response SignIn(const Call& call) {
  std::string username, password;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        username = r.String("username", true);
        password = r.String("password", true);
      })) {
    return *bad;
  }
  return Started(call, app::SignIn(call.services, username, password, call.request.client_address,
                                   call.request.Header("user-agent")));
}

// SEC-03: the second step of signing in, with a one-time code.
Response CompleteSignIn(const Call& call) {
  std::string challenge, code;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        challenge = r.String("challenge", true);
        code = r.String("code", true);
      })) {
    return *bad;
  }
  return Started(call, app::CompleteSignIn(call.services, challenge, code, call.request.client_address,
                                           call.request.Header("user-agent")));
}

// SEC-03: whether the user signs in with a code, whether their role requires it, and
// whether they must set it up before doing anything else.
json::object TwoFactorJson(const Call& call) {
  const app::Authenticated& a = *call.auth;
  return json::object{{"enabled", TwoFactorOn(a.actor.user)},
                      {"required", app::TwoFactorRequired(call.services.settings, a.actor.user.role)},
                      {"setup_required", a.two_factor_setup_required}};
}

Response Current(const Call& call) {
  const app::Authenticated& a = *call.auth;
  return Ok(json::object{{"user", UserJson(a.actor.user)},
                         {"csrf_token", a.session.csrf_token},
                         {"password_change_required", a.password_change_required},
                         {"two_factor", TwoFactorJson(call)},
                         {"session", SessionJson(a.session, a.expires_at, call.services.clock.Now())}});
}

Response List(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  Timestamp now = call.services.clock.Now();
  return Answer(app::ListOwnSessions(call.services, call.actor()), [&](const auto& sessions) {
    json::array out;
    for (const app::OpenSession& open : sessions) {
      json::object o = SessionJson(open.session, open.expires_at, now);
      o["current"] = open.current;
      out.push_back(std::move(o));
    }
    return json::object{{"sessions", std::move(out)}};
  });
}

Response End(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  Status s = app::EndOwnSession(call.services, call.actor(), id);
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 204;
  return r;
}

Response ChangePassword(const Call& call) {
  std::string current, next;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        current = r.String("current_password", true);
        next = r.String("new_password", true);
      })) {
    return *bad;
  }
  Status s = app::ChangeOwnPassword(call.services, call.actor(), current, next, call.options.common_passwords);
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 204;
  return r;
}

Response BeginTwoFactor(const Call& call) {
  return Answer(app::BeginTwoFactor(call.services, call.actor()), [](const app::TwoFactorSetup& setup) {
    return json::object{{"secret", setup.secret}, {"otpauth_uri", setup.otpauth_uri}};
  }, 201);
}

// A change to the user's own two-factor sign-in, which needs a code from their app.
Response WithCode(const Call& call, Status (*change)(const app::Services&, const app::Actor&, const std::string&)) {
  std::string code;
  if (auto bad = ReadBody(call, [&](JsonReader& r) { code = r.String("code", true); })) return *bad;
  Status s = change(call.services, call.actor(), code);
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 204;
  return r;
}

Response ConfirmTwoFactor(const Call& call) { return WithCode(call, app::ConfirmTwoFactor); }
Response TurnOffTwoFactor(const Call& call) { return WithCode(call, app::TurnOffTwoFactor); }

Response SignOut(const Call& call) {
  Status s = app::SignOut(call.services, call.actor());
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 204;
  r.SetHeader("Set-Cookie", ClearedSessionCookie(call.request.tls));
  return r;
}

}  // namespace

void AddSessionRoutes(Api& api) {
  api.Add("POST", "/api/v1/sessions", SignIn, Api::Access::kOpen);
  api.Add("POST", "/api/v1/sessions/second-factor", CompleteSignIn, Api::Access::kOpen);
  api.Add("GET", "/api/v1/sessions/current", Current, Api::Access::kSignedInPassive);
  // Asking to stay signed in is activity, so it pushes the idle time-out back.
  api.Add("POST", "/api/v1/sessions/current/refresh", Current);
  api.Add("DELETE", "/api/v1/sessions/current", SignOut);
  api.Add("PUT", "/api/v1/sessions/current/password", ChangePassword);
  api.Add("POST", "/api/v1/sessions/current/two-factor", BeginTwoFactor);
  api.Add("PUT", "/api/v1/sessions/current/two-factor", ConfirmTwoFactor);
  api.Add("DELETE", "/api/v1/sessions/current/two-factor", TurnOffTwoFactor);
  api.Add("GET", "/api/v1/sessions", List);
  api.Add("DELETE", "/api/v1/sessions/{id}", End);
}

}  // namespace casework::http
