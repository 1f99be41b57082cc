#include "api/scenario.h"

#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include <boost/json.hpp>

#include "api/live_server.h"
#include "core/time.h"

namespace casework::testing {
namespace {

namespace json = boost::json;

// Empty when actual has everything expected has; else where it differs.
std::string Mismatch(const json::value& expected, const json::value& actual, const std::string& at) {
  if (expected.is_object()) {
    if (!actual.is_object()) return at + ": expected an object, got " + json::serialize(actual);
    for (const auto& [key, value] : expected.as_object()) {
      std::string path = at + "." + std::string(key);
      const json::value* found = actual.as_object().if_contains(key);
      if (!found) return path + ": missing";
      if (std::string m = Mismatch(value, *found, path); !m.empty()) return m;
    }
    return "";
  }
  if (expected.is_array()) {
    if (!actual.is_array()) return at + ": expected a list, got " + json::serialize(actual);
    const json::array &e = expected.as_array(), &a = actual.as_array();
    if (e.size() != a.size()) {
      return at + ": expected " + std::to_string(e.size()) + " items, got " + std::to_string(a.size());
    }
    for (size_t i = 0; i < e.size(); ++i) {
      if (std::string m = Mismatch(e[i], a[i], at + "[" + std::to_string(i) + "]"); !m.empty()) return m;
    }
    return "";
  }
  if (expected != actual) return at + ": expected " + json::serialize(expected) + ", got " + json::serialize(actual);
  return "";
}

// The value at a dotted path such as person.id or items.0.seq.
const json::value* At(const json::value& v, const std::string& path) {
  const json::value* cur = &v;
  std::istringstream in(path);
  for (std::string part; std::getline(in, part, '.');) {
    if (cur->is_object()) {
      cur = cur->as_object().if_contains(part);
    } else if (cur->is_array() && !part.empty() && std::isdigit(static_cast<unsigned char>(part[0]))) {
      size_t i = std::stoul(part);
      cur = i < cur->as_array().size() ? &cur->as_array()[i] : nullptr;
    } else {
      cur = nullptr;
    }
    if (!cur) return nullptr;
  }
  return cur;
}

class Runner {
 public:
  Runner(LiveServer& server, std::string file) : server_(server), file_(std::move(file)) {
    // {sam_id}, {maureen_id}...: the standard users' ids.
    for (const auto& [name, id] : server.user_ids()) vars_[name + "_id"] = id;
  }

  std::vector<std::string> Run() {
    std::ifstream in(file_);
    if (!in) return {"cannot read " + file_};
    std::vector<std::string> lines;
    for (std::string l; std::getline(in, l);) lines.push_back(l);
    size_t i = 0;
    while (i < lines.size()) {
      std::string line = Substitute(lines[i]);
      size_t number = i + 1;
      ++i;
      if (line.empty() || line[0] == '#') continue;
      std::istringstream words(line);
      std::string first;
      words >> first;
      if (first == "as") {
        words >> user_;
        token_ = server_.SignIn(user_);
      } else if (first == "restart") {
        server_.Restart();
        if (!user_.empty()) token_ = server_.SignIn(user_);
      } else if (first == "save") {
        std::string name, eq, path;
        words >> name >> eq >> path;
        const json::value* v = At(last_, path);
        if (!v) Fail(number, "nothing at " + path + " in " + json::serialize(last_));
        else vars_[name] = v->is_string() ? std::string(v->as_string()) : json::serialize(*v);
      } else {
        i = Request(lines, i, first, words, number);
      }
    }
    return problems_;
  }

 private:
  static bool StartsStep(const std::string& line) {
    for (const char* word : {"save ", "as ", "restart", "#", "GET ", "POST ", "PUT ", "PATCH ", "DELETE "}) {
      if (line.rfind(word, 0) == 0) return true;
    }
    return false;
  }

  // Reads lines up to a line equal to end, or, when end is empty, up to a blank line or the
  // start of the next step.
  std::string Block(const std::vector<std::string>& lines, size_t& i, const std::string& end) {
    std::string out;
    while (i < lines.size() && lines[i] != end && !(end.empty() && (lines[i].empty() || StartsStep(lines[i])))) {
      out += Substitute(lines[i++]) + "\n";
    }
    if (i < lines.size() && !end.empty() && lines[i] == end) ++i;
    return out;
  }

  size_t Request(const std::vector<std::string>& lines, size_t i, const std::string& method,
                 std::istringstream& words, size_t number) {
    std::string target;
    words >> target;
    std::string body = Block(lines, i, "---");
    std::string status_line = i < lines.size() ? lines[i++] : "";
    std::string expected_body = Block(lines, i, "");
    HttpResult r = server_.Send(method, target, token_, body);
    last_ = r.Json();
    std::string where = method + " " + target;
    if (std::to_string(r.status) != status_line) {
      Fail(number, where + ": expected status " + status_line + ", got " + std::to_string(r.status) + " " + r.body);
      return i;
    }
    if (expected_body.find_first_not_of(" \n") != std::string::npos) {
      boost::system::error_code ec;
      json::value expected = json::parse(expected_body, ec);
      if (ec) Fail(number, "the expected body is not JSON: " + expected_body);
      else if (std::string m = Mismatch(expected, last_, "body"); !m.empty()) Fail(number, where + ": " + m);
    }
    return i;
  }

  std::string Substitute(std::string line) const {
    for (const auto& [name, value] : vars_) {
      std::string key = "{" + name + "}";
      for (size_t p; (p = line.find(key)) != std::string::npos;) line.replace(p, key.size(), value);
    }
    // {today}, {today+40}, {today-28}: London dates relative to now, so scenarios never go stale.
    static const std::regex relative(R"(\{today([+-][0-9]+)?\})");
    std::smatch m;
    while (std::regex_search(line, m, relative)) {
      int days = m[1].matched ? std::stoi(m[1].str()) : 0;
      Date today = LondonDate(std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now()));
      line.replace(m.position(0), m.length(0), FormatDate(Date{date::sys_days{today} + date::days{days}}));
    }
    return line;
  }

  void Fail(size_t line, const std::string& message) {
    problems_.push_back(file_ + ":" + std::to_string(line) + ": " + message);
  }

  LiveServer& server_;
  std::string file_;
  std::string user_, token_;
  json::value last_;
  std::map<std::string, std::string> vars_;
  std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> RunScenario(const std::string& file, LiveServer& server) { return Runner(server, file).Run(); }

}  // namespace casework::testing
