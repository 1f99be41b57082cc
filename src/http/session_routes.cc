// Signing in and out, and the current session (SEC-01, SEC-02).
#include "app/sessions.h"
#include "app/users.h"
#include "http/cookies.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

Response SignIn(const Call& call) {
  std::string username, password;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        username = r.String("username", true);
        password = r.String("password", true);
      })) {
    return *bad;
  }
  auto signed_in = app::SignIn(call.services, username, password, call.request.client_address,
                               call.request.Header("user-agent"));
  if (!signed_in.ok()) return ErrorResponse(signed_in.status());
  Timestamp now = call.services.clock.Now();
  Response r = Ok(json::object{{"token", signed_in->token},
                               {"csrf_token", signed_in->session.csrf_token},
                               {"user", UserJson(signed_in->user)},
                               {"session", SessionJson(signed_in->session, signed_in->expires_at, now)}},
                  201);
  r.SetHeader("Set-Cookie", SessionCookie(signed_in->token, call.request.tls));
  return r;
}

Response Current(const Call& call) {
  const app::Authenticated& a = *call.auth;
  return Ok(json::object{{"user", UserJson(a.actor.user)},
                         {"csrf_token", a.session.csrf_token},
                         {"password_change_required", a.password_change_required},
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
  api.Add("GET", "/api/v1/sessions/current", Current, Api::Access::kSignedInPassive);
  // Asking to stay signed in is activity, so it pushes the idle time-out back.
  api.Add("POST", "/api/v1/sessions/current/refresh", Current);
  api.Add("DELETE", "/api/v1/sessions/current", SignOut);
  api.Add("PUT", "/api/v1/sessions/current/password", ChangePassword);
  api.Add("GET", "/api/v1/sessions", List);
  api.Add("DELETE", "/api/v1/sessions/{id}", End);
}

}  // namespace casework::http
