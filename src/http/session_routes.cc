// Signing in and out, and the current session (SEC-01, SEC-02).
#include "app/sessions.h"
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
                         {"session", SessionJson(a.session, a.expires_at, call.services.clock.Now())}});
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
}

}  // namespace casework::http
