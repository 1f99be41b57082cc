// The real `casework serve`, started for a test on a free loopback port over a fresh
// database (SQLite or PostgreSQL, see TestDatabase) holding a standard set of users, and
// stopped when the test ends, or when the test process dies.
#pragma once

#include <sys/types.h>

#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "api/http_client.h"
#include "support/temp_dir.h"
#include "support/test_database.h"

namespace casework::testing {

// Every user the fixture creates has this password.
inline constexpr char kTestPassword[] = "Correct-Lantern-Staple-9";

struct LiveServerOptions {
  // Lines appended to the config's casework.toml under their sections, e.g.
  // {"sessions", "idle_timeout_minutes = 2"}.
  std::multimap<std::string, std::string> settings;
  std::string extra_args;
  // Another instance of Casework over the same database and config as this running one,
  // as when several sit behind a load balancer. Settings above are then ignored.
  const class LiveServer* same_database_as = nullptr;
};

// What a `casework` subcommand printed and how it ended.
struct CommandResult {
  int exit_code = -1;
  std::string output;  // standard output and standard error together
};

// Runs the casework program with these arguments and waits for it.
CommandResult RunCasework(const std::vector<std::string>& args);

class LiveServer {
 public:
  explicit LiveServer(LiveServerOptions options = {});
  ~LiveServer();
  LiveServer(const LiveServer&) = delete;
  LiveServer& operator=(const LiveServer&) = delete;

  unsigned short port() const { return port_; }
  // This server's database, to be changed behind its back (TestDatabase::Tamper); null for an
  // instance sharing another's.
  const TestDatabase* database() const { return database_.get(); }
  // The options that point `casework` at this server's database.
  const std::vector<std::string>& database_args() const { return database_args_; }
  // Runs `casework SUBCOMMAND ARGS...` on this server's database and config.
  CommandResult RunCommand(const std::string& subcommand, const std::vector<std::string>& args = {}) const;
  // Stops the server and starts it again on the same database.
  void Restart();

  // Signs in as one of the standard users: sam (practitioner), jo (practitioner),
  // maureen (team manager), priya (partner practitioner), rita (records officer),
  // alex (auditor), ade (administrator). Returns the bearer token.
  std::string SignIn(const std::string& username);
  // The user's id.
  std::string UserId(const std::string& username);
  const std::map<std::string, std::string>& user_ids() const { return user_ids_; }

  HttpResult Send(const std::string& method, const std::string& target, const std::string& token,
                  const std::string& body = "", std::map<std::string, std::string> headers = {});
  HttpResult Get(const std::string& target, const std::string& token) { return Send("GET", target, token); }
  HttpResult Post(const std::string& target, const std::string& token, const boost::json::value& body);

 private:
  void Start();
  void Stop();

  TempDir dir_;
  std::unique_ptr<TestDatabase> database_;  // null when sharing another server's
  std::vector<std::string> database_args_;
  std::string config_dir_;
  std::string key_file_;  // the server's key, shared with any instance over the same database
  LiveServerOptions options_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
  std::map<std::string, std::string> user_ids_;
};

}  // namespace casework::testing
