// casework serve: the web server for the API and the pages.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>

#include <boost/asio/ip/address.hpp>
#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/commands.h"
#include "http/api.h"
#include "http/server.h"
#include "http/tls_context.h"
#include "settings/settings_loader.h"

namespace casework::cli {
namespace {

struct ServeOptions {
  StoreOptions store;
  std::string listen = "127.0.0.1:8080";
  std::string web_dir;
  std::string openapi;
  // The hot routes no longer hold a worker while their commit is made (http/api.h), so a few
  // are enough; more only cost thread switches (docs/performance.md, "Answers sent from the
  // writer's completion").
  int workers = 8;
  std::vector<std::string> trusted_proxies;
  std::string key_file;
  std::string tls_certificate;
  std::string tls_key;
};

// HTTPS by Casework itself, from --tls-cert and --tls-key, or else tls.certificate and tls.key
// in casework.toml; null when neither names any files.
Result<std::shared_ptr<http::TlsContext>> LoadTls(const ServeOptions& o, const Settings& settings) {
  bool from_options = !o.tls_certificate.empty() || !o.tls_key.empty();
  const std::string& certificate = from_options ? o.tls_certificate : settings.tls.certificate_file;
  const std::string& key = from_options ? o.tls_key : settings.tls.key_file;
  if (certificate.empty() && key.empty()) return std::shared_ptr<http::TlsContext>();
  return http::TlsContext::Load(certificate, key);
}

Status ParseListen(const std::string& listen, http::ServerOptions& out) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos) return Status::Invalid("--listen", "must be HOST:PORT, such as 127.0.0.1:8080");
  out.host = listen.substr(0, colon);
  try {
    int port = std::stoi(listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    out.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    return Status::Invalid("--listen", "has a port that is not a number from 0 to 65535");
  }
  return Status::Ok();
}

int Serve(const ServeOptions& o) {
  // glibc gives each thread that allocates at once an arena of its own, and an arena keeps
  // the memory of the largest response it built (a long chronology is megabytes): with 32
  // workers that doubled the server's resident memory. Two arenas, one a core, are enough.
  mallopt(M_ARENA_MAX, 2);
  http::ServerOptions server_options;
  if (Status s = ParseListen(o.listen, server_options); !s.ok()) return Fail(s);
  server_options.worker_threads = o.workers;
  for (const std::string& proxy : o.trusted_proxies) {
    boost::system::error_code ec;
    boost::asio::ip::make_address(proxy, ec);
    if (ec) return Fail(Status::Invalid("--trusted-proxy", proxy + " is not an IP address"));
  }
  server_options.trusted_proxies = o.trusted_proxies;
  auto rt = Runtime::Open(o.store);
  if (!rt) return 1;
  if (Status s = rt->RequireCurrentSchema(); !s.ok()) return Fail(s);
  if (Status s = rt->LoadServerKey(o.store, o.key_file); !s.ok()) return Fail(s);
  auto tls = LoadTls(o, rt->services().settings);
  if (!tls.ok()) return Fail(tls.status());
  server_options.tls = std::move(*tls);
  auto common = LoadCommonPasswords(rt->config_dir());
  if (!common.ok()) return Fail(common.status());
  http::ApiOptions api_options{o.web_dir, o.openapi.empty() ? SourcePath("docs/openapi.yaml") : o.openapi,
                               std::move(*common)};
  if (api_options.static_dir.empty() && std::filesystem::exists(SourcePath("web/dist/index.html"))) {
    api_options.static_dir = SourcePath("web/dist");
  }
  http::Api api(rt->services(), std::move(api_options));

  // Signals are taken by this thread alone, so shutting down happens in ordinary code.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  // A closed log pipe must not kill the server.
  signal(SIGPIPE, SIG_IGN);

  http::Server server(server_options, [&api](std::shared_ptr<const http::Request> request, http::Responder responder) {
    api.Handle(std::move(request), std::move(responder));
  });
  unsigned short port;
  try {
    port = server.Start();
  } catch (const std::exception& e) {
    return Fail(Status(StatusCode::kUnavailable, "cannot listen on " + o.listen + ": " + e.what()));
  }
  std::cout << "Casework listening on " << (server_options.tls ? "https" : "http") << "://" << server_options.host << ":" << port << std::endl;
  int signal = 0;
  sigwait(&signals, &signal);
  spdlog::info("stopping on signal {}", signal);
  server.Stop();
  server.Wait();
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "serve the API and the web pages");
  AddStoreOptions(*cmd, o->store);
  cmd->add_option("--listen", o->listen, "HOST:PORT to listen on; port 0 picks a free one")->capture_default_str();
  cmd->add_option("--web", o->web_dir, "folder of built web pages (default: web/dist when built)");
  cmd->add_option("--openapi", o->openapi, "the API description to serve (default: docs/openapi.yaml)");
  cmd->add_option("--trusted-proxy", o->trusted_proxies,
                  "address of a load balancer whose X-Forwarded-For header names the client (repeatable)");
  cmd->add_option("--key-file", o->key_file,
                  "the server's key, which keeps two-factor secrets (default: the database file's name "
                  "with .key added, made if missing; over PostgreSQL, two-factor sign-in needs one)")
      ->envname("CASEWORK_KEY_FILE");
  cmd->add_option("--tls-cert", o->tls_certificate,
                  "serve HTTPS only, with this certificate (PEM, then any intermediates); overrides tls.certificate");
  cmd->add_option("--tls-key", o->tls_key, "the certificate's private key (PEM, no passphrase); overrides tls.key");
  cmd->add_option("--workers", o->workers, "threads handling requests")
      ->capture_default_str()
      ->check(CLI::Range(1, 512));
  cmd->callback([o] {
    int code = Serve(*o);
    if (code != 0) Exit(code);
  });
}

}  // namespace casework::cli
