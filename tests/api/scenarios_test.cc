// Runs every scenario in tests/scenarios/, each against its own fresh server.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "api/live_server.h"
#include "api/scenario.h"
#include "settings/settings_loader.h"

namespace casework::testing {
namespace {

std::vector<std::string> ScenarioFiles() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(SourcePath("tests/scenarios"))) {
    if (e.path().extension() == ".scenario") out.push_back(e.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, Runs) {
  LiveServer server;
  for (const std::string& problem : RunScenario(SourcePath("tests/scenarios/" + GetParam()), server)) {
    ADD_FAILURE() << problem;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, Scenario, ::testing::ValuesIn(ScenarioFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(0, info.param.find('.'));
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace casework::testing
