#include "http/server.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <iterator>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/stream_traits.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <spdlog/spdlog.h>

#include "http/errors.h"
#include "http/forwarded.h"
#include "http/request_target.h"
#include "http/response_head.h"
#include "http/tls_context.h"

namespace casework::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

struct Shared {
  ServerOptions options;
  RequestHandler handler;
  net::thread_pool workers;
  std::atomic<size_t> connections{0};
  // Requests handed to the handler and not yet answered: the server is not taken down while a
  // database writer may still answer one of them. Counted and signalled under the mutex, so
  // the server cannot be destroyed between the last answer's count and its signal.
  std::mutex answers_mutex;
  std::condition_variable all_answered;
  size_t unanswered = 0;

  Shared(ServerOptions o, RequestHandler h)
      : options(std::move(o)), handler(std::move(h)), workers(static_cast<size_t>(options.worker_threads)) {}
};

// Turns Beast's parsed request into ours, taking its body; an error response if the target is
// malformed.
std::optional<Response> Convert(bhttp::request<bhttp::string_body>& in, Request& out) {
  out.method = std::string(in.method_string());
  if (!ReadRequestTarget(in.target(), out.path, out.query)) {
    return ErrorResponse(400, "invalid_argument", "the request target is not a valid address", "path");
  }
  out.headers.reserve(static_cast<size_t>(std::distance(in.begin(), in.end())));
  for (const auto& field : in) {
    auto& [name, value] = out.headers.emplace_back(field.name_string(), field.value());
    // Field names are ASCII tokens: no locale-aware call a character.
    for (char& c : name) c = static_cast<char>(c | ((c >= 'A' && c <= 'Z') ? 0x20 : 0));
  }
  out.body = std::move(in.body());
  return std::nullopt;
}

using Clock = std::chrono::steady_clock;
// Sockets tied to their I/O thread's own io_context, so no completion goes through a
// type-erased executor.
using Socket = net::basic_stream_socket<tcp, net::io_context::executor_type>;
using PlainStream = Socket;
using TlsStream = beast::ssl_stream<Socket>;

// A connection its I/O thread may close when its deadline has passed.
class Expiring {
 public:
  virtual ~Expiring() = default;
  virtual void CloseIfOverdue(Clock::time_point now) = 0;
};

// One I/O thread: it alone runs its io_context, so the handlers of its connections, all run
// there, need no strand. Connections' deadlines (a request must arrive, an answer be taken,
// within the timeout) are checked once a second rather than kept in a timer each: a timer
// re-armed for every read and write cost a timer-queue insertion, a cancellation and a
// handler allocation a time, for a check that needs no more than a second's precision.
struct IoThread {
  net::io_context ioc{1};
  net::steady_timer tick{ioc};
  std::vector<std::weak_ptr<Expiring>> watched;  // touched only on this thread
  std::thread thread;

  void Watch(std::weak_ptr<Expiring> connection) { watched.push_back(std::move(connection)); }

  void Tick() {
    tick.expires_after(std::chrono::seconds(1));
    tick.async_wait([this](beast::error_code ec) {
      if (ec) return;
      const auto now = Clock::now();
      for (size_t i = 0; i < watched.size();) {
        if (auto connection = watched[i].lock()) {
          connection->CloseIfOverdue(now);
          ++i;
        } else {
          watched[i] = std::move(watched.back());
          watched.pop_back();
        }
      }
      Tick();
    });
  }
};

// What a request's Responder delivers to, whichever the stream: the connection takes the
// response on its own thread.
class Answerable {
 public:
  virtual ~Answerable() = default;
  virtual void Deliver(Response response, bool keep_alive) = 0;
  virtual void Run(std::function<void()> step) = 0;
};

// One request's way back to its connection. Until it is answered, or its answer is on the
// connection's own thread, it counts as unanswered: the server is not taken down while a
// database writer or a worker may still reach it.
class Delivery final : public Responder::Target {
 public:
  Delivery(Shared& shared, std::shared_ptr<Answerable> connection, bool keep_alive)
      : shared_(shared), connection_(std::move(connection)), keep_alive_(keep_alive) {
    std::lock_guard lock(shared_.answers_mutex);
    ++shared_.unanswered;
  }
  ~Delivery() override {
    // A handler that lost its responder without answering would leave the client waiting.
    if (!sent_) {
      connection_->Deliver(ErrorResponse(500, "internal", "something went wrong on the server; the request was not completed"),
                           false);
    }
    // The connection goes first: the last answer's count lets the server be taken down, and
    // a connection must not outlive its executor.
    connection_.reset();
    if (!counted_) return;
    std::lock_guard lock(shared_.answers_mutex);
    if (--shared_.unanswered == 0) shared_.all_answered.notify_all();
  }
  void Send(Response response) override {
    sent_ = true;
    connection_->Deliver(std::move(response), keep_alive_);
  }
  void OnWorker(std::function<void()> step) override {
    if (!counted_) {  // back from the connection's thread to wait on the database
      std::lock_guard lock(shared_.answers_mutex);
      ++shared_.unanswered;
      counted_ = true;
    }
    net::post(shared_.workers, std::move(step));
  }
  // Once there, no writer or worker reaches the answer again, so it stops counting: a server
  // stopped before the step runs drops it, this Delivery with it, when its I/O threads' queues
  // go. The step may own this Delivery and run at once: nothing of it is touched after Run.
  void OnConnection(std::function<void()> step) override {
    Shared& shared = shared_;
    std::lock_guard lock(shared.answers_mutex);
    const bool counted = counted_;
    counted_ = false;
    connection_->Run(std::move(step));
    if (counted && --shared.unanswered == 0) shared.all_answered.notify_all();
  }

 private:
  Shared& shared_;
  std::shared_ptr<Answerable> connection_;
  bool keep_alive_;
  bool sent_ = false;
  bool counted_ = true;
};

// One client connection, over plain TCP or TLS: the stream is all that differs, so requests
// are read, limited and answered by the same code either way. Everything it does runs on its
// I/O thread; other threads reach it only through Deliver.
template <class Stream>
class Connection final : public Answerable,
                         public Expiring,
                         public std::enable_shared_from_this<Connection<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  template <class... StreamArgs>
  Connection(Shared& shared, IoThread& io, StreamArgs&&... stream_args)
      : stream_(std::forward<StreamArgs>(stream_args)...), shared_(shared), io_(io) {
    boost::system::error_code ec;
    auto endpoint = Tcp().remote_endpoint(ec);
    if (!ec) address_ = endpoint.address().to_string();
    ++shared_.connections;
  }
  ~Connection() { --shared_.connections; }

  void Start() {
    net::dispatch(io_.ioc, beast::bind_front_handler(&Connection::Begin, this->shared_from_this()));
  }

  // From whichever thread answered: straight to this connection's own, with no other hop;
  // on that thread already, at once.
  void Deliver(Response response, bool keep_alive) override {
    net::dispatch(io_.ioc, [self = this->shared_from_this(), response = std::move(response), keep_alive]() mutable {
      self->Send(std::move(response), keep_alive);
    });
  }

  void Run(std::function<void()> step) override { net::post(io_.ioc, std::move(step)); }

  // Closing the socket ends the read or write in progress with operation_aborted, which
  // closes the connection as a timeout did when each operation had a timer of its own.
  void CloseIfOverdue(Clock::time_point now) override {
    if (now < deadline_) return;
    deadline_ = Clock::time_point::max();
    beast::error_code ec;
    Tcp().close(ec);
  }

 private:
  Socket& Tcp() { return beast::get_lowest_layer(stream_); }

  void ExpiresAfter(std::chrono::seconds timeout) { deadline_ = Clock::now() + timeout; }

  void Begin() {
    io_.Watch(this->weak_from_this());
    if constexpr (kTls) {
      ExpiresAfter(shared_.options.request_timeout);
      stream_.async_handshake(ssl::stream_base::server,
                              beast::bind_front_handler(&Connection::OnHandshake, this->shared_from_this()));
    } else {
      Read();
    }
  }

  // A client that cannot complete the handshake (plain HTTP sent to this port, a protocol
  // or cipher older than allowed, a certificate it does not trust) is simply disconnected.
  void OnHandshake(beast::error_code ec) {
    if (ec) {
      spdlog::debug("TLS handshake with {} failed: {}", address_, ec.message());
      return;
    }
    Read();
  }

  void Read() {
    parser_.emplace();
    parser_->body_limit(shared_.options.body_limit);
    parser_->header_limit(static_cast<uint32_t>(shared_.options.header_limit));
    ExpiresAfter(shared_.options.request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Connection::OnRead, this->shared_from_this()));
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec == bhttp::error::end_of_stream || ec == net::error::operation_aborted || ec == net::error::bad_descriptor ||
        ec == net::error::connection_reset || ec == ssl::error::stream_truncated) {
      return Close();
    }
    if (ec == bhttp::error::body_limit) {
      return Send(ErrorResponse(413, "invalid_argument",
                                "the request body is larger than " + std::to_string(shared_.options.body_limit) +
                                    " bytes",
                                "body"),
                  false);
    }
    if (ec == bhttp::error::header_limit) {
      return Send(ErrorResponse(431, "invalid_argument", "the request headers are too large", "headers"), false);
    }
    if (ec) return Send(ErrorResponse(400, "invalid_argument", "the request is not valid HTTP: " + ec.message()), false);

    auto message = parser_->release();
    bool keep_alive = message.keep_alive();
    head_ = message.method() == bhttp::verb::head;
    auto request = std::make_shared<Request>();
    if (auto bad = Convert(message, *request)) return Send(std::move(*bad), false);
    const auto& proxies = shared_.options.trusted_proxies;
    request->client_address = ClientAddress(address_, request->Header("x-forwarded-for"), proxies);
    request->tls = kTls || ForwardedOverTls(address_, request->Header("x-forwarded-proto"), proxies);
    if (head_) request->method = "GET";
    deadline_ = Clock::time_point::max();
    auto delivery = std::make_shared<Delivery>(shared_, this->shared_from_this(), keep_alive);
    net::post(shared_.workers, [&shared = shared_, request = std::shared_ptr<const Request>(std::move(request)),
                                delivery = std::move(delivery)]() mutable {
      shared.handler(std::move(request), Responder(std::move(delivery)));
    });
  }

  // The head is written here and sent with the body as two buffers (response_head.h), not
  // through Beast's serializer. One answer is on its way at a time, so the connection keeps
  // it until it has gone.
  void Send(Response response, bool keep_alive) {
    WriteResponseHead(response, keep_alive, out_head_);
    out_body_ = head_ ? std::string() : std::move(response.body);
    out_keep_alive_ = keep_alive;
    ExpiresAfter(shared_.options.request_timeout);
    std::array<net::const_buffer, 2> buffers{net::buffer(out_head_), net::buffer(out_body_)};
    // Asio's own transfer_all hands the socket at most 64 KiB a call; a 3 MB chronology then
    // took fifty calls and hand-backs where the kernel would take it in a few.
    const size_t total = out_head_.size() + out_body_.size();
    auto rest = [total](const beast::error_code& ec, size_t sent) -> size_t { return ec ? 0 : total - sent; };
    net::async_write(stream_, buffers, rest, [self = this->shared_from_this()](beast::error_code ec, size_t) {
      if (ec || !self->out_keep_alive_) return self->Close();
      self->Read();
    });
  }

  // Plain: shuts the sending side, then reads and discards for a short while: closing with
  // unread request bytes would make the kernel reset the connection, and the client could
  // lose the answer (a 413, say) before reading it. TLS: says close_notify, so the client
  // knows the answer it has is complete, and waits briefly for the client's.
  void Close() {
    ExpiresAfter(std::chrono::seconds(2));
    if constexpr (kTls) {
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      beast::error_code ec;
      stream_.shutdown(tcp::socket::shutdown_send, ec);
      if (ec) return;
      Discard();
    }
  }

  void Discard() {
    stream_.async_read_some(net::buffer(discard_), [self = this->shared_from_this()](beast::error_code ec, size_t) {
      if (!ec) self->Discard();
    });
  }

  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  Shared& shared_;
  IoThread& io_;
  std::string address_;
  bool head_ = false;
  // When the read, write or closing in progress must have finished; max while a handler has
  // the request.
  Clock::time_point deadline_ = Clock::time_point::max();
  std::string out_head_;
  std::string out_body_;
  bool out_keep_alive_ = false;
  std::array<char, 4096> discard_;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, RequestHandler handler) : shared(std::move(options), std::move(handler)) {
    for (int i = 0; i < std::max(1, shared.options.io_threads); ++i) io.push_back(std::make_unique<IoThread>());
    acceptor.emplace(io.front()->ioc);
  }

  // Runs on the first I/O thread; each connection is handed to the I/O threads in turn.
  void Accept() {
    IoThread& target = *io[next_io++ % io.size()];
    acceptor->async_accept(target.ioc.get_executor(), [this, &target](beast::error_code ec, Socket socket) {
      if (ec == net::error::operation_aborted) return;
      if (!ec) {
        if (shared.connections.load() >= shared.options.max_connections) {
          spdlog::warn("refused a connection: {} already open", shared.connections.load());
        } else {
          StartConnection(target, std::move(socket));
        }
      }
      Accept();
    });
  }

  void StartConnection(IoThread& target, Socket socket) {
    if (shared.options.tls) {
      std::make_shared<Connection<TlsStream>>(shared, target, std::move(socket), shared.options.tls->native())->Start();
    } else {
      std::make_shared<Connection<PlainStream>>(shared, target, std::move(socket))->Start();
    }
  }

  Shared shared;
  std::vector<std::unique_ptr<IoThread>> io;
  std::optional<tcp::acceptor> acceptor;
  size_t next_io = 0;
};

Server::Server(ServerOptions options, RequestHandler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() {
  Stop();
  Wait();
  // Requests handed to a database writer are answered from its thread, perhaps through a
  // worker: the connections' executors and the workers must outlive every such answer.
  Shared& shared = impl_->shared;
  {
    std::unique_lock lock(shared.answers_mutex);
    shared.all_answered.wait(lock, [&] { return shared.unanswered == 0; });
  }
  impl_->shared.workers.join();
}

unsigned short Server::Start() {
  auto& acceptor = *impl_->acceptor;
  tcp::endpoint endpoint(net::ip::make_address(impl_->shared.options.host), impl_->shared.options.port);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(net::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(net::socket_base::max_listen_connections);
  impl_->Accept();
  for (auto& io : impl_->io) {
    // The deadline check is always waiting, so a thread with no connections yet keeps running.
    io->Tick();
    io->thread = std::thread([&ioc = io->ioc] { ioc.run(); });
  }
  return acceptor.local_endpoint().port();
}

void Server::Stop() {
  for (auto& io : impl_->io) io->ioc.stop();
}

void Server::Wait() {
  for (auto& io : impl_->io) {
    if (io->thread.joinable()) io->thread.join();
  }
}

}  // namespace casework::http
