// The JSON API under /api/v1/ and the pages beside it: turns a Request into a Response.
//
// Handle() matches the route, authenticates the session (cookie or bearer token), checks
// CSRF for browser writes, calls the handler, and adds the security headers every response
// carries. Handlers translate between JSON and one app use case each; they hold no rules.
// Most answer at once; the hot routes whose use cases must wait for a commit before answering
// (a record summary's access-log line, a case note) answer later, from the database writer's
// thread once the commit is durable, so no worker thread waits for it.
// Thread-safe: called concurrently from the server's worker threads.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>

#include "app/sessions.h"
#include "http/message.h"
#include "http/router.h"
#include "http/server.h"

namespace casework::http {

struct SessionCredential;

struct ApiOptions {
  std::string static_dir;    // built web pages; empty serves none
  std::string openapi_path;  // docs/openapi.yaml
  std::unordered_set<std::string> common_passwords;
};

struct Call {
  const app::Services& services;
  const ApiOptions& options;
  const Request& request;
  const PathParams& params;
  const app::Authenticated* auth;  // null on routes open without signing in

  const app::Actor& actor() const { return auth->actor; }
  const std::string& param(const std::string& name) const { return params.at(name); }
};

using Handler = std::function<Response(const Call&)>;
// How a handler that answers later gives its response: once, from any thread, but quickly (it
// may be a database writer's). Calling it is the handler's last use of its Call. Given how to
// make the response (Make) rather than the response, the response is made on the connection's
// thread: a writer, which runs every commit in turn, then spends nothing on the answer's text.
class Reply {
 public:
  using Send = std::function<void(std::function<Response()>)>;
  explicit Reply(Send send) : send_(std::move(send)) {}
  void operator()(Response response) const {
    send_([response = std::move(response)]() mutable { return std::move(response); });
  }
  void Make(std::function<Response()> make) const { send_(std::move(make)); }

 private:
  Send send_;
};
using LaterHandler = std::function<void(const Call&, Reply)>;

class Api {
 public:
  Api(const app::Services& services, ApiOptions options);
  // Answers through responder: at once, on this thread, or for a route added with AddLater,
  // when its handler answers.
  void Handle(std::shared_ptr<const Request> request, Responder responder) const;

  enum class Access {
    kSignedIn,        // the usual: a session is required and the request is activity
    kSignedInPassive, // a session is required, but asking does not keep it alive
    // As kSignedIn, but a session kept between requests may stand in for reading it first,
    // because the route's use case reads it again in its own unit of work before deciding
    // anything (app/kept_sessions.h): only for routes whose every database access goes
    // through DecideRecordAccess (ReadRecord, WriteToRecord).
    kSignedInKept,
    kOpen,            // no session needed (signing in, health checks)
  };
  void Add(const std::string& method, const std::string& pattern, Handler handler, Access access = Access::kSignedIn);
  // A route whose handler answers later (see Reply); signed in, never kOpen.
  void AddLater(const std::string& method, const std::string& pattern, LaterHandler handler, Access access);
  // Every route as "METHOD /pattern", for checking the API description covers them.
  std::vector<std::string> Routes() const;

 private:
  struct Endpoint {
    Handler handler;  // or, for a route that answers later:
    LaterHandler later;
    Access access;
  };
  struct Later;
  // The response, or none when a route that answers later has taken the request.
  std::optional<Response> Dispatch(const std::shared_ptr<const Request>& request, const Responder& responder) const;
  // The checks that follow authentication, then the handler.
  Response Serve(const Request& request, const Endpoint& endpoint, const PathParams& params,
                 const SessionCredential& credential, const app::Authenticated& auth) const;
  // The checks that follow authentication: the response refusing the request, if any.
  std::optional<Response> Refusal(const Request& request, const SessionCredential& credential,
                                  const app::Authenticated& auth) const;
  // For a route that answers later, once its session is read.
  void StartLater(std::shared_ptr<const Request> request, const Responder& responder, const Endpoint& endpoint,
                  PathParams params, SessionCredential credential, app::Authenticated auth) const;
  void ServeLater(const std::shared_ptr<Later>& later) const;
  void Answered(const std::shared_ptr<Later>& later, Response response) const;

  const app::Services& services_;
  ApiOptions options_;
  Router<Endpoint> router_;
};

// Each area of the API adds its routes.
void AddSessionRoutes(Api& api);
void AddPersonRoutes(Api& api);
void AddEntryRoutes(Api& api);
void AddUserRoutes(Api& api);
void AddMetaRoutes(Api& api);
void AddAccessRoutes(Api& api);
void AddCaseloadRoutes(Api& api);
void AddDraftRoutes(Api& api);
void AddClockRoutes(Api& api);
void AddSharingRoutes(Api& api);

}  // namespace casework::http
