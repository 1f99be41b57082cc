#include "http/api.h"

#include "crypto/crypto.h"
#include "http/cookies.h"
#include "http/errors.h"
#include "http/response_headers.h"
#include "http/static_files.h"

namespace casework::http {
namespace {

bool Changes(const std::string& method) { return method != "GET" && method != "HEAD"; }

// A browser sends Origin on cross-site requests; when present it must be this server.
bool SameOrigin(const Request& r) {
  std::string origin = r.Header("origin");
  if (origin.empty()) return true;
  std::string host = r.Header("host");
  return origin == (r.tls ? "https://" : "http://") + host;
}

}  // namespace

void AddSecurityHeaders(const Request& request, Response& r) {
  r.SetHeader("Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
              "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Referrer-Policy", "no-referrer");
  r.SetHeader("X-Frame-Options", "DENY");
  r.SetHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (request.tls) r.SetHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  // Anything from the API may hold personal data; no cache may keep it.
  if (request.path.rfind("/api/", 0) == 0 || r.Header("Cache-Control").empty()) {
    r.SetHeader("Cache-Control", "no-store");
  }
}

void SetSessionExpiry(Response& r, const app::Authenticated& auth, Timestamp now) {
  auto left = std::chrono::duration_cast<std::chrono::seconds>(auth.expires_at - now);
  r.SetHeader("X-Session-Expires-In", std::to_string(std::max<long long>(0, left.count())));
}

Api::Api(const app::Services& services, ApiOptions options) : services_(services), options_(std::move(options)) {
  AddSessionRoutes(*this);
  AddPersonRoutes(*this);
  AddEntryRoutes(*this);
  AddUserRoutes(*this);
  AddMetaRoutes(*this);
  AddAccessRoutes(*this);
  AddCaseloadRoutes(*this);
  AddDraftRoutes(*this);
  AddClockRoutes(*this);
  AddSharingRoutes(*this);
}

void Api::Add(const std::string& method, const std::string& pattern, Handler handler, Access access) {
  router_.Add(method, pattern, Endpoint{std::move(handler), nullptr, access});
}

std::vector<std::string> Api::Routes() const {
  std::vector<std::string> out;
  for (const auto& route : router_.routes()) {
    std::string path;
    for (const std::string& segment : route.segments) path += "/" + segment;
    out.push_back(route.method + " " + path);
  }
  return out;
}

void Api::AddLater(const std::string& method, const std::string& pattern, LaterHandler handler, Access access) {
  router_.Add(method, pattern, Endpoint{nullptr, std::move(handler), access});
}

void Api::Handle(std::shared_ptr<const Request> request, Responder responder) const {
  std::optional<Response> r;
  try {
    r = Dispatch(request, responder);
  } catch (const std::exception& e) {
    r = InternalErrorResponse(e.what(), request->method + " " + request->path);
  }
  if (!r) return;  // taken by a route that answers later
  AddSecurityHeaders(*request, *r);
  responder.Send(std::move(*r));
}

std::optional<Response> Api::Dispatch(const std::shared_ptr<const Request>& shared_request,
                                      const Responder& responder) const {
  const Request& request = *shared_request;
  if (request.path.rfind("/api/", 0) != 0) {
    if (request.method != "GET" && request.method != "HEAD") {
      return ErrorResponse(405, "method_not_allowed", "pages can only be fetched with GET");
    }
    return ServeStatic(options_.static_dir, request.path);
  }
  auto match = router_.Find(request.method, request.path);
  if (!match.route) {
    if (match.path_known) {
      return ErrorResponse(405, "method_not_allowed", request.method + " is not allowed on " + request.path);
    }
    return ErrorResponse(404, "not_found", "there is no API at " + request.path);
  }
  if (Changes(request.method) && !SameOrigin(request)) {
    return ErrorResponse(403, "permission_denied", "requests that change data must come from Casework's own pages");
  }
  const Endpoint& endpoint = match.route->handler;
  if (endpoint.access == Access::kOpen) return endpoint.handler(Call{services_, options_, request, match.params, nullptr});

  SessionCredential credential = FindCredential(request);
  if (credential.token.empty()) {
    return ErrorResponse(401, "unauthenticated", "sign in first: send the session cookie or a bearer token");
  }
  const bool activity = endpoint.access != Access::kSignedInPassive;
  Result<app::Authenticated> auth = app::Authenticate(services_, credential.token, request.client_address, activity,
                                                           endpoint.access == Access::kSignedInKept);
  if (!auth.ok()) return ErrorResponse(auth.status());
  if (endpoint.later) {
    StartLater(shared_request, responder, endpoint, std::move(match.params), std::move(credential), std::move(*auth));
    return std::nullopt;
  }
  Response r = Serve(request, endpoint, match.params, credential, *auth);
  const app::KeptSessionCheck* kept = auth->actor.kept_session.get();
  if (kept && kept->outcome != app::KeptSessionCheck::Outcome::kHeld) {
    // The kept session was not confirmed: it has ended or changed since it was kept (the use
    // case refused, changing nothing), or the request stopped before its use case checked it.
    // Either way it is read afresh, as for any other route, and the request served again.
    app::ForgetKeptSession(services_, credential.token);
    auth = app::Authenticate(services_, credential.token, request.client_address, activity);
    if (!auth.ok()) return ErrorResponse(auth.status());
    r = Serve(request, endpoint, match.params, credential, *auth);
  }
  return r;
}

std::optional<Response> Api::Refusal(const Request& request, const SessionCredential& credential,
                                     const app::Authenticated& auth) const {
  // A cookie is sent by the browser whoever asks it to; a write must also carry the token
  // only Casework's own pages can read.
  if (credential.from_cookie && Changes(request.method) &&
      !crypto::ConstantTimeEquals(request.Header("x-csrf-token"), auth.session.csrf_token)) {
    return ErrorResponse(403, "permission_denied", "the request lacks a valid X-CSRF-Token header", "X-CSRF-Token");
  }
  // SEC-03: a password that was reset or has passed its maximum age must be changed first;
  // until then only the session itself can be used.
  if (auth.password_change_required && request.path.rfind("/api/v1/sessions/current", 0) != 0) {
    return ErrorResponse(403, "password_change_required",
                         "choose a new password first (PUT /api/v1/sessions/current/password)");
  }
  // SEC-03: the same for a role that must sign in with a one-time code, until it is set up.
  if (auth.two_factor_setup_required && request.path.rfind("/api/v1/sessions/current", 0) != 0) {
    return ErrorResponse(403, "two_factor_setup_required",
                         "your role must sign in with a one-time code: set up two-factor sign-in first "
                         "(POST /api/v1/sessions/current/two-factor)");
  }
  return std::nullopt;
}

Response Api::Serve(const Request& request, const Endpoint& endpoint, const PathParams& params,
                    const SessionCredential& credential, const app::Authenticated& auth) const {
  if (auto refused = Refusal(request, credential, auth)) return std::move(*refused);
  Response r = endpoint.handler(Call{services_, options_, request, params, &auth});
  SetSessionExpiry(r, auth, services_.clock.Now());
  return r;
}

}  // namespace casework::http
