// TIM-01: casework refuses to start on a malformed timescales.toml, saying which line is wrong,
// whether it is asked to serve or to create the database.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/live_server.h"
#include "settings/settings_loader.h"

namespace casework::testing {
namespace {

// The shipped config folder with one line of timescales.toml replaced; remembers that line.
class BrokenConfig {
 public:
  BrokenConfig(const std::string& line, const std::string& replacement) {
    std::filesystem::copy(DefaultConfigDir(), path(), std::filesystem::copy_options::recursive);
    std::ifstream in(File());
    std::ostringstream out;
    int n = 0;
    for (std::string l; std::getline(in, l);) {
      ++n;
      if (line_ == 0 && l == line) {
        line_ = n;
        l = replacement;
      }
      out << l << "\n";
    }
    in.close();
    std::ofstream(File()) << out.str();
  }

  std::string path() const { return dir_.File("config"); }
  std::string File() const { return path() + "/timescales.toml"; }
  // Where the message must point: the file and the line changed.
  std::string Where() const { return File() + ":" + std::to_string(line_); }
  int line() const { return line_; }

 private:
  TempDir dir_;
  int line_ = 0;
};

// Runs casework, stopped after a minute should it start serving after all.
CommandResult RunWithTimeout(std::vector<std::string> args) {
  args.insert(args.begin(), {"--signal=TERM", "60", CASEWORK_BINARY});
  std::string command = "timeout";
  for (const std::string& a : args) command += " '" + a + "'";
  command += " 2>&1";
  CommandResult result;
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.output.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// TIM-01
TEST(TimescalesStartup, TIM01_ServeRefusesAMalformedFileNamingTheLine) {
  BrokenConfig config("length = 45", "length = \"forty-five\"");
  ASSERT_GT(config.line(), 0) << "the shipped file no longer has the line this test breaks";
  TestDatabase db;
  std::vector<std::string> args = {"serve", "--config", config.path(), "--listen", "127.0.0.1:0"};
  for (const std::string& a : db.CommandArgs()) args.push_back(a);
  CommandResult served = RunWithTimeout(args);
  EXPECT_NE(served.exit_code, 0) << served.output;
  EXPECT_NE(served.exit_code, 124) << "casework served on a malformed timescales.toml";
  EXPECT_NE(served.output.find(config.Where()), std::string::npos) << served.output;
  EXPECT_NE(served.output.find("clock.length"), std::string::npos) << served.output;
  EXPECT_EQ(served.output.find("listening"), std::string::npos) << served.output;
}

// TIM-01
TEST(TimescalesStartup, TIM01_InitRefusesAnUnknownEventNamingTheLine) {
  BrokenConfig config("stops = \"assessment_completed\"", "stops = \"assessment_complete\"");
  ASSERT_GT(config.line(), 0) << "the shipped file no longer has the line this test breaks";
  TestDatabase db;
  std::vector<std::string> args = {"init", "--config", config.path()};
  for (const std::string& a : db.CommandArgs()) args.push_back(a);
  CommandResult init = RunWithTimeout(args);
  EXPECT_NE(init.exit_code, 0) << init.output;
  EXPECT_NE(init.output.find(config.Where()), std::string::npos) << init.output;
  EXPECT_NE(init.output.find("\"assessment_complete\", which is not listed in [events]"), std::string::npos)
      << init.output;
}

}  // namespace
}  // namespace casework::testing
