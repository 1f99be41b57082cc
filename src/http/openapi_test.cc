#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <set>

#include "http/api.h"
#include "settings/settings_loader.h"
#include "support/test_services.h"

namespace casework::http {
namespace {

// "METHOD /path" for every operation under paths: in docs/openapi.yaml.
std::set<std::string> DocumentedOperations() {
  std::ifstream in(SourcePath("docs/openapi.yaml"));
  std::set<std::string> out;
  std::regex path_line(R"(^  (/[^:]*):\s*$)"), method_line(R"(^    (get|post|put|patch|delete):\s*$)");
  std::string line, path;
  bool in_paths = false;
  while (std::getline(in, line)) {
    if (line == "paths:") in_paths = true;
    else if (!line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
    if (!in_paths) continue;
    std::smatch m;
    if (std::regex_match(line, m, path_line)) path = m[1];
    else if (std::regex_match(line, m, method_line)) {
      std::string method = m[1];
      std::transform(method.begin(), method.end(), method.begin(), ::toupper);
      out.insert(method + " /api/v1" + path);
    }
  }
  return out;
}

// The API description lists every route the server has, and no route it lacks.
TEST(OpenApi, DescribesExactlyTheRoutesServed) {
  testing::TestServices t;
  Api api(t.services(), {});
  std::set<std::string> served;
  for (const std::string& r : api.Routes()) served.insert(r);
  std::set<std::string> documented = DocumentedOperations();
  ASSERT_FALSE(documented.empty());
  for (const std::string& r : served) EXPECT_TRUE(documented.count(r)) << r << " is served but not in docs/openapi.yaml";
  for (const std::string& d : documented) EXPECT_TRUE(served.count(d)) << d << " is in docs/openapi.yaml but not served";
}

}  // namespace
}  // namespace casework::http
