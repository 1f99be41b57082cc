#include "http/server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <memory>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace casework::http {
namespace {

// A client speaking raw bytes, so a test can send half a request or nothing at all.
class RawClient {
 public:
  explicit RawClient(unsigned short port) : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    // Far beyond the server's one-second timeout: only so that a server that never closes
    // fails the test instead of hanging it.
    timeval limit{20, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  }
  ~RawClient() { close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  bool connected() const { return connected_; }
  void Send(const std::string& bytes) { ASSERT_EQ(send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size())); }

  // Reads one answer whose body is `length` bytes long (after its head).
  std::string ReadAnswer(size_t body_length) {
    std::string in;
    char chunk[4096];
    while (true) {
      size_t end = in.find("\r\n\r\n");
      if (end != std::string::npos && in.size() >= end + 4 + body_length) return in;
      ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return in;
      in.append(chunk, static_cast<size_t>(n));
    }
  }

  // Everything the server sends until it closes the connection.
  std::string ReadToClose() {
    std::string in;
    char chunk[4096];
    ssize_t n;
    while ((n = recv(fd_, chunk, sizeof chunk, 0)) > 0) in.append(chunk, static_cast<size_t>(n));
    return in;
  }

  // Whether the server closed the connection (an orderly end or a reset), reading and dropping
  // whatever it sent first; false if the connection was still open when the safety limit ran out.
  bool ClosedByServer() {
    char chunk[4096];
    while (true) {
      ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
      if (n == 0) return true;
      if (n < 0) return errno == ECONNRESET;
    }
  }

 private:
  int fd_;
  bool connected_ = false;
};

class ServerTest : public ::testing::Test {
 protected:
  // Answers every request with its method, path and body.
  static void Echo(std::shared_ptr<const Request> request, Responder responder) {
    Response r;
    r.SetHeader("Content-Type", "text/plain");
    r.body = request->method + " " + request->path + " " + request->body;
    responder.Send(std::move(r));
  }

  void StartServer(ServerOptions options = {}, RequestHandler handler = Echo) {
    options.port = 0;
    options.request_timeout = std::chrono::seconds(1);
    server_ = std::make_unique<Server>(options, std::move(handler));
    port_ = server_->Start();
  }
  void TearDown() override {
    if (server_) server_->Stop();
  }

  std::unique_ptr<Server> server_;
  unsigned short port_ = 0;
};

TEST_F(ServerTest, AnswersSeveralRequestsOnOneKeptConnection) {
  StartServer();
  RawClient client(port_);
  ASSERT_TRUE(client.connected());
  client.Send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string first = client.ReadAnswer(std::string("GET /one ").size());
  EXPECT_EQ(first.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << first;
  EXPECT_EQ(first.find("Connection: close"), std::string::npos) << first;
  EXPECT_NE(first.find("\r\n\r\nGET /one "), std::string::npos) << first;
  client.Send("POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody");
  std::string second = client.ReadAnswer(std::string("POST /two body").size());
  EXPECT_NE(second.find("\r\n\r\nPOST /two body"), std::string::npos) << second;
}

TEST_F(ServerTest, ConnectionCloseIsAnsweredThenClosed) {
  StartServer();
  RawClient client(port_);
  client.Send("GET /last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string answer = client.ReadAnswer(std::string("GET /last ").size());
  EXPECT_NE(answer.find("Connection: close\r\n"), std::string::npos) << answer;
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(ServerTest, AHeadRequestIsToldTheLengthItIsNotSent) {
  StartServer();
  RawClient client(port_);
  client.Send("HEAD /page HTTP/1.1\r\nHost: x\r\n\r\n");
  // The handler sees GET, so the length is that of "GET /page ".
  std::string answer = client.ReadAnswer(0);
  EXPECT_NE(answer.find("Content-Length: 10\r\n"), std::string::npos) << answer;
  EXPECT_EQ(answer.substr(answer.find("\r\n\r\n") + 4), "");
  // The connection is kept, and the next answer is not mixed with a body never sent.
  client.Send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string next = client.ReadAnswer(std::string("GET /next ").size());
  EXPECT_EQ(next.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << next;
}

TEST_F(ServerTest, HeadersOverTheLimitAre431) {
  ServerOptions options;
  options.header_limit = 1024;
  StartServer(options);
  RawClient client(port_);
  client.Send("GET / HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(2048, 'a') + "\r\n\r\n");
  std::string answer = client.ReadAnswer(0);
  EXPECT_EQ(answer.rfind("HTTP/1.1 431 ", 0), 0u) << answer;
  EXPECT_TRUE(client.ClosedByServer());
}

TEST_F(ServerTest, ATargetThatIsNotAnAddressIs400) {
  StartServer();
  RawClient client(port_);
  client.Send("GET /bad%zz HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string answer = client.ReadToClose();
  EXPECT_EQ(answer.rfind("HTTP/1.1 400 ", 0), 0u) << answer;
  EXPECT_NE(answer.find("\"path\""), std::string::npos) << answer;
}

// Handlers find headers by their names in lower case, whatever case the client sent.
TEST_F(ServerTest, HeaderNamesAreGivenInLowerCase) {
  StartServer({}, [](std::shared_ptr<const Request> request, Responder responder) {
    Response r;
    r.body = request->Header("x-forwarded-for") + "|" + request->Header("authorization") + "|" +
             std::to_string(request->headers.size());
    responder.Send(std::move(r));
  });
  RawClient client(port_);
  client.Send("GET / HTTP/1.1\r\nHost: x\r\nX-Forwarded-FOR: 203.0.113.7\r\nauthorization: Bearer Ab-Z\r\n\r\n");
  std::string expected = "203.0.113.7|Bearer Ab-Z|3";
  std::string answer = client.ReadAnswer(expected.size());
  EXPECT_EQ(answer.substr(answer.find("\r\n\r\n") + 4), expected) << answer;
}

// An answer may come from a thread of the handler's own, after the handler has returned.
TEST_F(ServerTest, AnAnswerSentLaterFromAnotherThreadArrives) {
  std::vector<std::thread> answering;
  std::mutex mutex;
  StartServer({}, [&](std::shared_ptr<const Request> request, Responder responder) {
    std::lock_guard lock(mutex);
    answering.emplace_back([request, responder] { Echo(request, responder); });
  });
  RawClient client(port_);
  client.Send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string answer = client.ReadAnswer(std::string("GET /later ").size());
  EXPECT_NE(answer.find("\r\n\r\nGET /later "), std::string::npos) << answer;
  std::lock_guard lock(mutex);
  for (auto& t : answering) t.join();
}

// A handler that lets its responder go without answering does not leave the client waiting.
TEST_F(ServerTest, ARequestLeftUnansweredIsAnswered500) {
  StartServer({}, [](std::shared_ptr<const Request>, Responder) {});
  RawClient client(port_);
  client.Send("GET /lost HTTP/1.1\r\nHost: x\r\n\r\n");
  std::string answer = client.ReadAnswer(0);
  EXPECT_EQ(answer.rfind("HTTP/1.1 500 ", 0), 0u) << answer;
  EXPECT_NE(answer.find("Connection: close\r\n"), std::string::npos) << answer;
}

// A server taken down while an answer waits to be finished on a connection's thread, which has
// stopped, still comes down: the answer goes with that thread's queue.
TEST_F(ServerTest, StopsWithAnAnswerLeftForAStoppedConnectionThread) {
  std::promise<Responder> handed;
  StartServer({}, [&](std::shared_ptr<const Request>, Responder responder) { handed.set_value(std::move(responder)); });
  RawClient client(port_);
  client.Send("GET /late HTTP/1.1\r\nHost: x\r\n\r\n");
  std::optional<Responder> responder(handed.get_future().get());
  server_->Stop();
  server_->Wait();
  {
    Responder to = *responder;
    to.OnConnection([kept = std::move(*responder)] { kept.Send(Response{}); });
    responder.reset();
  }
  server_.reset();
  SUCCEED();
}

// The request timeout: a kept connection that sends nothing more is closed.
TEST_F(ServerTest, AnIdleKeptConnectionIsClosedAfterTheTimeout) {
  StartServer();
  RawClient client(port_);
  client.Send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
  client.ReadAnswer(std::string("GET /one ").size());
  EXPECT_TRUE(client.ClosedByServer());
}

// A client that never sends a request, or sends half of one and stops, cannot hold a
// connection open.
TEST_F(ServerTest, ASlowClientIsClosedAfterTheTimeout) {
  StartServer();
  RawClient silent(port_);
  RawClient slow(port_);
  slow.Send("GET /never-finished HTTP/1.1\r\nHost: x\r\n");
  RawClient slow_body(port_);
  slow_body.Send("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part");
  EXPECT_TRUE(silent.ClosedByServer());
  EXPECT_TRUE(slow.ClosedByServer());
  EXPECT_TRUE(slow_body.ClosedByServer());
}

// Connections are spread over the I/O threads; each answers its own.
TEST_F(ServerTest, ManyConnectionsOverSeveralIoThreadsAreAllAnswered) {
  ServerOptions options;
  options.io_threads = 3;
  StartServer(options);
  std::vector<std::unique_ptr<RawClient>> clients;
  for (int i = 0; i < 12; ++i) clients.push_back(std::make_unique<RawClient>(port_));
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i < clients.size(); ++i) clients[i]->Send("GET /c" + std::to_string(i) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    for (size_t i = 0; i < clients.size(); ++i) {
      std::string body = "GET /c" + std::to_string(i) + " ";
      std::string answer = clients[i]->ReadAnswer(body.size());
      EXPECT_NE(answer.find("\r\n\r\n" + body), std::string::npos) << answer;
    }
  }
}

}  // namespace
}  // namespace casework::http
