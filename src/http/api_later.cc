// Routes that answer later: their handler hands the durable part of its use case to a
// database writer and answers from the writer's thread once it has committed. What the answer
// needs then (the request, its session, where to send it) is kept here until it comes.
#include <atomic>

#include "http/api.h"
#include "http/cookies.h"
#include "http/errors.h"
#include "http/response_headers.h"

namespace casework::http {

struct Api::Later {
  Later(std::shared_ptr<const Request> r, Responder to, const Endpoint& e, PathParams p, SessionCredential c,
        app::Authenticated a)
      : request(std::move(r)),
        responder(std::move(to)),
        endpoint(e),
        params(std::move(p)),
        credential(std::move(c)),
        auth(std::move(a)) {}

  std::shared_ptr<const Request> request;
  Responder responder;
  const Endpoint& endpoint;
  PathParams params;
  SessionCredential credential;
  app::Authenticated auth;
  std::atomic<bool> answered{false};
};

void Api::StartLater(std::shared_ptr<const Request> request, const Responder& responder, const Endpoint& endpoint,
                     PathParams params, SessionCredential credential, app::Authenticated auth) const {
  ServeLater(std::make_shared<Later>(std::move(request), responder, endpoint, std::move(params), std::move(credential),
                                     std::move(auth)));
}

void Api::ServeLater(const std::shared_ptr<Later>& later) const {
  if (auto refused = Refusal(*later->request, later->credential, later->auth)) {
    return Answered(later, std::move(*refused));
  }
  try {
    // The answer is told on a database writer's thread, which runs every commit in turn: it
    // is made and finished (headers, the request let go) on the connection's thread instead.
    // The reply gives its hold on the request to that step, so the writer is not left to free
    // it, and touches nothing of it after handing it over.
    later->endpoint.later(Call{services_, options_, *later->request, later->params, &later->auth},
                          Reply([this, later](std::function<Response()> make) mutable {
                            if (!later) return;  // answered already
                            later->responder.OnConnection(
                                [this, later = std::move(later), make = std::move(make)]() mutable {
                                  Answered(later, make());
                                });
                          }));
  } catch (const std::exception& e) {
    Answered(later, InternalErrorResponse(e.what(), later->request->method + " " + later->request->path));
  }
}

void Api::Answered(const std::shared_ptr<Later>& later, Response r) const {
  if (later->answered.exchange(true)) return;  // a handler that failed after answering
  const app::KeptSessionCheck* kept = later->auth.actor.kept_session.get();
  if (kept && kept->outcome != app::KeptSessionCheck::Outcome::kHeld) {
    // As for routes that answer at once (Dispatch): the kept session was not confirmed, so it
    // is read afresh and the request served again; on a worker thread, since reading waits and
    // this may be a database writer's.
    later->responder.OnWorker([this, later] {
      app::ForgetKeptSession(services_, later->credential.token);
      const bool activity = later->endpoint.access != Access::kSignedInPassive;
      Result<app::Authenticated> auth =
          app::Authenticate(services_, later->credential.token, later->request->client_address, activity);
      if (!auth.ok()) {
        Response refused = ErrorResponse(auth.status());
        AddSecurityHeaders(*later->request, refused);
        return later->responder.Send(std::move(refused));
      }
      // Read, not kept: this time the answer goes out as it comes.
      ServeLater(std::make_shared<Later>(later->request, later->responder, later->endpoint, later->params,
                                         later->credential, std::move(*auth)));
    });
    return;
  }
  SetSessionExpiry(r, later->auth, services_.clock.Now());
  AddSecurityHeaders(*later->request, r);
  later->responder.Send(std::move(r));
}

}  // namespace casework::http
