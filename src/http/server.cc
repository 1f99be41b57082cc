#include "http/server.h"

#include <array>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include "http/errors.h"
#include "http/forwarded.h"
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
  auto target = boost::urls::parse_origin_form(in.target());
  if (!target) return ErrorResponse(400, "invalid_argument", "the request target is not a valid address", "path");
  out.path = target->path();
  for (auto param : target->params()) out.query.emplace(param.key, param.value);
  for (const auto& field : in) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  out.body = std::move(in.body());
  return std::nullopt;
}

// A response on its way out: kept alive by the write until it has gone.
struct Outgoing {
  std::string head;
  std::string body;
  bool keep_alive = false;
};

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// What a request's Responder delivers to, whichever the stream: the connection takes the
// response on its own thread.
class Answerable {
 public:
  virtual ~Answerable() = default;
  virtual void Deliver(Response response, bool keep_alive) = 0;
};

// One request's way back to its connection.
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
    std::lock_guard lock(shared_.answers_mutex);
    if (--shared_.unanswered == 0) shared_.all_answered.notify_all();
  }
  void Send(Response response) override {
    sent_ = true;
    connection_->Deliver(std::move(response), keep_alive_);
  }
  void OnWorker(std::function<void()> step) override { net::post(shared_.workers, std::move(step)); }

 private:
  Shared& shared_;
  std::shared_ptr<Answerable> connection_;
  bool keep_alive_;
  bool sent_ = false;
};

// One client connection, over plain TCP or TLS: the stream is all that differs, so requests
// are read, limited and answered by the same code either way.
template <class Stream>
class Connection final : public Answerable, public std::enable_shared_from_this<Connection<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  template <class... StreamArgs>
  Connection(Shared& shared, StreamArgs&&... stream_args)
      : stream_(std::forward<StreamArgs>(stream_args)...), shared_(shared) {
    boost::system::error_code ec;
    auto endpoint = Tcp().socket().remote_endpoint(ec);
    if (!ec) address_ = endpoint.address().to_string();
    ++shared_.connections;
  }
  ~Connection() { --shared_.connections; }

  void Start() {
    net::dispatch(stream_.get_executor(), beast::bind_front_handler(&Connection::Begin, this->shared_from_this()));
  }

  // From whichever thread answered: straight to this connection's own, with no other hop.
  void Deliver(Response response, bool keep_alive) override {
    net::post(stream_.get_executor(), [self = this->shared_from_this(), response = std::move(response), keep_alive]() mutable {
      self->Send(std::move(response), keep_alive);
    });
  }

 private:
  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(stream_); }

  void Begin() {
    if constexpr (kTls) {
      Tcp().expires_after(shared_.options.request_timeout);
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
    Tcp().expires_after(shared_.options.request_timeout);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Connection::OnRead, this->shared_from_this()));
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout || ec == net::error::operation_aborted ||
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
    request->client_address = address_;
    if (auto bad = Convert(message, *request)) return Send(std::move(*bad), false);
    const auto& proxies = shared_.options.trusted_proxies;
    request->client_address = ClientAddress(address_, request->Header("x-forwarded-for"), proxies);
    request->tls = kTls || ForwardedOverTls(address_, request->Header("x-forwarded-proto"), proxies);
    if (head_) request->method = "GET";
    Tcp().expires_never();
    auto delivery = std::make_shared<Delivery>(shared_, this->shared_from_this(), keep_alive);
    net::post(shared_.workers, [&shared = shared_, request = std::shared_ptr<const Request>(std::move(request)),
                                delivery = std::move(delivery)]() mutable {
      shared.handler(std::move(request), Responder(std::move(delivery)));
    });
  }

  // The head is written here and sent with the body as two buffers (response_head.h), not
  // through Beast's serializer.
  void Send(Response response, bool keep_alive) {
    auto out = std::make_shared<Outgoing>();
    out->head = ResponseHead(response, keep_alive);
    if (!head_) out->body = std::move(response.body);
    out->keep_alive = keep_alive;
    Tcp().expires_after(shared_.options.request_timeout);
    std::array<net::const_buffer, 2> buffers{net::buffer(out->head), net::buffer(out->body)};
    // Asio's own transfer_all hands the socket at most 64 KiB a call; a 3 MB chronology then
    // took fifty calls and hand-backs where the kernel would take it in a few.
    const size_t total = out->head.size() + out->body.size();
    auto rest = [total](const beast::error_code& ec, size_t sent) -> size_t { return ec ? 0 : total - sent; };
    net::async_write(stream_, buffers, rest, [self = this->shared_from_this(), out](beast::error_code ec, size_t) {
      if (ec || !out->keep_alive) return self->Close();
      self->Read();
    });
  }

  // Plain: shuts the sending side, then reads and discards for a short while: closing with
  // unread request bytes would make the kernel reset the connection, and the client could
  // lose the answer (a 413, say) before reading it. TLS: says close_notify, so the client
  // knows the answer it has is complete, and waits briefly for the client's.
  void Close() {
    Tcp().expires_after(std::chrono::seconds(2));
    if constexpr (kTls) {
      stream_.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
    } else {
      beast::error_code ec;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
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
  std::string address_;
  bool head_ = false;
  std::array<char, 4096> discard_;
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions options, RequestHandler handler)
      : shared(std::move(options), std::move(handler)), ioc(shared.options.io_threads), acceptor(net::make_strand(ioc)) {}

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == net::error::operation_aborted) return;
      if (!ec) {
        if (shared.connections.load() >= shared.options.max_connections) {
          spdlog::warn("refused a connection: {} already open", shared.connections.load());
        } else {
          StartConnection(std::move(socket));
        }
      }
      Accept();
    });
  }

  void StartConnection(tcp::socket socket) {
    if (shared.options.tls) {
      std::make_shared<Connection<TlsStream>>(shared, std::move(socket), shared.options.tls->native())->Start();
    } else {
      std::make_shared<Connection<PlainStream>>(shared, std::move(socket))->Start();
    }
  }

  Shared shared;
  net::io_context ioc;
  tcp::acceptor acceptor;
  std::vector<std::thread> threads;
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
  auto& acceptor = impl_->acceptor;
  tcp::endpoint endpoint(net::ip::make_address(impl_->shared.options.host), impl_->shared.options.port);
  acceptor.open(endpoint.protocol());
  acceptor.set_option(net::socket_base::reuse_address(true));
  acceptor.bind(endpoint);
  acceptor.listen(net::socket_base::max_listen_connections);
  impl_->Accept();
  for (int i = 0; i < impl_->shared.options.io_threads; ++i) {
    impl_->threads.emplace_back([this] { impl_->ioc.run(); });
  }
  return acceptor.local_endpoint().port();
}

void Server::Stop() { impl_->ioc.stop(); }

void Server::Wait() {
  for (auto& t : impl_->threads) {
    if (t.joinable()) t.join();
  }
}

}  // namespace casework::http
