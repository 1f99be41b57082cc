#include "api/live_server.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/users.h"
#include "crypto/crypto.h"
#include "settings/settings_loader.h"
#include "store/open_database.h"

extern char** environ;

namespace casework::testing {
namespace {

struct StandardUser {
  const char* username;
  Role role;
  const char* team;
  const char* agency;
};

constexpr StandardUser kUsers[] = {
    {"sam", Role::kPractitioner, "Assessment Team North", "Children's Social Care"},
    {"jo", Role::kPractitioner, "Child Protection Team East", "Children's Social Care"},
    {"maureen", Role::kTeamManager, "Assessment Team North", "Children's Social Care"},
    {"priya", Role::kPartnerPractitioner, "", "Police"},
    {"rita", Role::kRecordsOfficer, "", "Children's Social Care"},
    {"alex", Role::kAuditor, "", "Children's Social Care"},
    {"ade", Role::kAdministrator, "", "Council IT"},
};

// Sets key = value inside [section] of a TOML file's text, replacing the key if present.
void SetSetting(std::string& toml, const std::string& section, const std::string& line) {
  std::string key = line.substr(0, line.find_first_of(" ="));
  std::string header = "[" + section + "]\n";
  size_t start = toml.find(header);
  if (start == std::string::npos) {
    toml += "\n" + header + line + "\n";
    return;
  }
  start += header.size();
  size_t end = toml.find("\n[", start);
  if (end == std::string::npos) end = toml.size();
  std::istringstream in(toml.substr(start, end - start));
  std::string body, l;
  bool replaced = false;
  while (std::getline(in, l)) {
    if (l.rfind(key + " ", 0) == 0 || l.rfind(key + "=", 0) == 0) {
      l = line;
      replaced = true;
    }
    body += l + "\n";
  }
  if (!replaced) body = line + "\n" + body;
  toml.replace(start, end - start, body);
}

}  // namespace

LiveServer::LiveServer(LiveServerOptions options) : options_(std::move(options)) {
  crypto::Initialise();
  if (const LiveServer* other = options_.same_database_as) {
    database_args_ = other->database_args_;
    config_dir_ = other->config_dir_;
    key_file_ = other->key_file_;
    user_ids_ = other->user_ids_;
    Start();
    return;
  }
  database_ = std::make_unique<TestDatabase>();
  database_args_ = database_->CommandArgs();
  config_dir_ = dir_.File("config");
  key_file_ = dir_.File("server.key");
  std::filesystem::copy(DefaultConfigDir(), config_dir_, std::filesystem::copy_options::recursive);
  std::string toml_file = config_dir_ + "/casework.toml";
  std::ifstream in(toml_file);
  std::string toml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  SetSetting(toml, "passwords", "argon2id_ops_limit = 1");
  SetSetting(toml, "passwords", "argon2id_memory_mib = 1");
  for (const auto& [section, line] : options_.settings) SetSetting(toml, section, line);
  std::ofstream(toml_file) << toml;

  Result<Settings> settings = LoadSettings(config_dir_);
  if (!settings.ok()) throw std::runtime_error(settings.status().ToString());
  {
    store::Databases databases = database_->OpenAll();
    SystemClock clock;
    crypto::SodiumRandom random;
    IdGenerator ids(clock, random);
    app::Services services{*databases.main, databases.access_log(), clock, ids, *settings};
    if (Status s = store::MigrateDatabases(databases, clock.Now()); !s.ok()) throw std::runtime_error(s.ToString());
    for (const StandardUser& u : kUsers) {
      app::NewUser nu{u.username,
                      std::string("Test ") + u.username,
                      std::string(RoleName(u.role)) + " post",
                      u.role,
                      u.team,
                      u.agency,
                      kTestPassword,
                      false};
      Result<User> added = app::AddUser(services, nullptr, nu, {});
      if (!added.ok()) throw std::runtime_error(added.status().ToString());
      user_ids_[u.username] = added->id;
    }
  }
  Start();
}

LiveServer::~LiveServer() { Stop(); }

void LiveServer::Start() {
  std::string log = dir_.File("server.log");
  std::vector<std::string> args = {CASEWORK_BINARY, "serve"};
  args.insert(args.end(), database_args_.begin(), database_args_.end());
  for (const char* a : {"--config", config_dir_.c_str(), "--key-file", key_file_.c_str(), "--listen", "127.0.0.1:0",
                        "--workers", "8"})
    args.push_back(a);
  std::istringstream extra(options_.extra_args);
  for (std::string a; extra >> a;) args.push_back(a);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  int err = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  pid_t parent = getpid();
  pid_ = fork();
  if (pid_ == 0) {
    // Only async-signal-safe calls from here to exec. The server is told to stop when the
    // thread that started it ends, however it ends, so a crashed test leaves no server behind.
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent) _exit(1);
    dup2(out[1], STDOUT_FILENO);
    if (err >= 0) dup2(err, STDERR_FILENO);
    close(out[0]);
    close(out[1]);
    execve(CASEWORK_BINARY, argv.data(), environ);
    _exit(127);
  }
  if (err >= 0) close(err);
  close(out[1]);
  if (pid_ < 0) {
    close(out[0]);
    throw std::runtime_error("cannot start " + std::string(CASEWORK_BINARY));
  }
  std::string line;
  char c;
  while (read(out[0], &c, 1) == 1 && c != '\n') line += c;
  close(out[0]);
  // "Casework listening on http://127.0.0.1:PORT", or https:// when serving TLS.
  const std::string prefix = "Casework listening on ";
  size_t colon = line.rfind(':');
  if (line.rfind(prefix, 0) != 0 || colon == std::string::npos) {
    Stop();
    std::ifstream err(log);
    std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    throw std::runtime_error("casework serve did not start: " + line + " " + text);
  }
  port_ = static_cast<unsigned short>(std::stoi(line.substr(colon + 1)));
}

void LiveServer::Stop() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

CommandResult RunCasework(const std::vector<std::string>& args) {
  std::string command = CASEWORK_BINARY;
  for (const std::string& a : args) command += " '" + a + "'";  // test paths and URLs hold no quotes
  command += " 2>&1";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command);
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.output.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

CommandResult LiveServer::RunCommand(const std::string& subcommand, const std::vector<std::string>& args) const {
  std::vector<std::string> all = {subcommand};
  all.insert(all.end(), database_args_.begin(), database_args_.end());
  all.insert(all.end(), {"--config", config_dir_});
  all.insert(all.end(), args.begin(), args.end());
  return RunCasework(all);
}

void LiveServer::Restart() {
  Stop();
  Start();
}

std::string LiveServer::SignIn(const std::string& username) {
  boost::json::object body{{"username", username}, {"password", kTestPassword}};
  HttpResult r = SendHttp(port_, "POST", "/api/v1/sessions", boost::json::serialize(body), {});
  if (r.status != 201) throw std::runtime_error("cannot sign in as " + username + ": " + r.body);
  return std::string(r.Json().at("token").as_string());
}

std::string LiveServer::UserId(const std::string& username) { return user_ids_.at(username); }

HttpResult LiveServer::Send(const std::string& method, const std::string& target, const std::string& token,
                            const std::string& body, std::map<std::string, std::string> headers) {
  if (!token.empty()) headers["Authorization"] = "Bearer " + token;
  return SendHttp(port_, method, target, body, headers);
}

HttpResult LiveServer::Post(const std::string& target, const std::string& token, const boost::json::value& body) {
  return Send("POST", target, token, boost::json::serialize(body));
}

}  // namespace casework::testing
