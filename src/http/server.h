// The network side: accepts HTTP/1.1 connections and hands each request to a handler on a
// pool of worker threads, so a handler waiting for the database never holds up the threads
// doing socket work. A handler answers through a Responder, at once or later from another
// thread (a database writer's, once a commit is durable), so no worker need wait for a commit. Every connection has limits on header and body size and on
// how long a request may take to arrive, so slow or oversized requests cannot tie it up.
// With a TlsContext it speaks HTTPS only; without, plain HTTP (behind a proxy that does HTTPS).
// Either way every request goes through the same reading, limits and handler.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "http/message.h"

namespace casework::http {

class TlsContext;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int io_threads = 2;  // each with its own io_context; connections are spread over them
  int worker_threads = 8;
  size_t body_limit = 1 << 20;
  size_t header_limit = 16 * 1024;
  // The whole request must arrive within this, and the answer be taken within it; an idle
  // keep-alive connection closes after it. Checked once a second, so it may run up to a
  // second over.
  std::chrono::seconds request_timeout{30};
  size_t max_connections = 10000;
  // Load balancers whose X-Forwarded-For names the client (see forwarded.h).
  std::vector<std::string> trusted_proxies;
  // When set, connections must begin with a TLS handshake: the listener serves HTTPS only.
  std::shared_ptr<TlsContext> tls;
};

// Where a request's response goes: handed to the handler with the request.
class Responder {
 public:
  // What delivers the response: the connection's side in the server; a test's own elsewhere.
  class Target {
   public:
    virtual ~Target() = default;
    virtual void Send(Response response) = 0;
    virtual void OnWorker(std::function<void()> step) = 0;
    virtual void OnConnection(std::function<void()> step) = 0;
  };

  explicit Responder(std::shared_ptr<Target> target) : target_(std::move(target)) {}
  // Hands the response to the connection's own thread, which writes it. Called once, from any
  // thread. A request whose responders are all gone unanswered is answered with a 500.
  void Send(Response response) const { target_->Send(std::move(response)); }
  // Runs step on one of the server's worker threads: for a step that may wait (on the
  // database), which must not run where an answer told after a commit arrives (a database
  // writer's own thread).
  void OnWorker(std::function<void()> step) const { target_->OnWorker(std::move(step)); }
  // Runs step on the thread of the request's connection, where the answer is written: for
  // finishing an answer told on a database writer's thread (its headers, letting go of the
  // request), so that the writer, which runs every commit in turn, spends nothing on it.
  void OnConnection(std::function<void()> step) const { target_->OnConnection(std::move(step)); }

 private:
  std::shared_ptr<Target> target_;
};

// Called on a worker thread for each request.
using RequestHandler = std::function<void(std::shared_ptr<const Request>, Responder)>;

class Server {
 public:
  Server(ServerOptions options, RequestHandler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts serving; returns the port bound. Throws if it cannot bind.
  unsigned short Start();
  // Stops accepting and serving; safe to call from any thread, including a signal handler's.
  void Stop();
  // Blocks until the server has stopped.
  void Wait();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace casework::http
