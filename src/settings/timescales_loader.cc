#include "settings/timescales_loader.h"

#include <algorithm>

#include "settings/toml_reader.h"

namespace casework {
namespace {

constexpr int64_t kLongestLength = 1000;

bool IsKey(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

// Reads {length, unit} from a table: a clock itself, or one of its `then` or `after_a_year`.
Interval ReadInterval(const toml::table& t, TableReader& reader) {
  int64_t length = 0;
  std::string unit;
  reader.Require("length", length);
  reader.Require("unit", unit);
  Interval out;
  if (length < 1 || length > kLongestLength) {
    if (const toml::node* n = t.get("length")) {
      reader.Fail(*n, "length", "must be from 1 to " + std::to_string(kLongestLength));
    }
  }
  out.length = static_cast<int>(length);
  if (auto u = ParseTimescaleUnit(unit)) {
    out.unit = *u;
  } else if (const toml::node* n = t.get("unit")) {
    reader.Fail(*n, "unit", "must be working_days, calendar_days, weeks or months");
  }
  return out;
}

Interval ReadSubInterval(const toml::table& t, const std::string& file, const std::string& prefix, Status& status) {
  TableReader reader(t, file, prefix, status);
  Interval out = ReadInterval(t, reader);
  reader.Finish();
  return out;
}

void CheckEvents(const toml::table& t, const char* key, const std::vector<std::string>& events,
                 const Timescales& timescales, bool required, TableReader& reader) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return;
  if (required && events.empty()) reader.Fail(*node, key, "must name at least one event");
  for (const std::string& e : events) {
    if (!timescales.KnowsEvent(e)) reader.Fail(*node, key, "names \"" + e + "\", which is not listed in [events]");
  }
}

TimescaleDefinition ReadClock(const toml::table& t, const std::string& file, const Timescales& timescales,
                              Status& status) {
  TableReader reader(t, file, "clock.", status);
  TimescaleDefinition d;
  reader.Require("key", d.key);
  reader.Require("name", d.name);
  if (!t.contains("starts")) reader.FailHere("starts is missing");
  if (!t.contains("stops")) reader.FailHere("stops is missing");
  reader.OneOrMoreStrings("starts", d.starts_on);
  reader.OneOrMoreStrings("stops", d.stops_on);
  reader.OneOrMoreStrings("ends", d.ends_on);
  reader.OneOrMoreStrings("restarts", d.restarts_on);
  reader.Read("repeats", d.repeats);
  d.first = ReadInterval(t, reader);
  for (const toml::table* then : reader.Tables("then")) {
    d.then.push_back(ReadSubInterval(*then, file, "clock.then.", status));
  }
  reader.Finish();
  for (const auto& [key, node] : t) {
    if (node.is_table() && key.str() != "after_a_year")
      reader.Fail(node, std::string(key.str()), "is not a setting Casework knows");
  }
  if (const toml::table* year = t["after_a_year"].as_table()) {
    d.after_a_year = ReadSubInterval(*year, file, "clock.after_a_year.", status);
  }
  if (t.contains("key") && !IsKey(d.key))
    reader.Fail(*t.get("key"), "key", "must be lower-case letters, digits and _ only");
  if (t.contains("key") && timescales.Find(d.key)) reader.Fail(*t.get("key"), "key", "\"" + d.key + "\" is used twice");
  CheckEvents(t, "starts", d.starts_on, timescales, true, reader);
  CheckEvents(t, "stops", d.stops_on, timescales, true, reader);
  CheckEvents(t, "ends", d.ends_on, timescales, false, reader);
  CheckEvents(t, "restarts", d.restarts_on, timescales, false, reader);
  if (!d.repeats && (!d.then.empty() || d.after_a_year)) {
    reader.FailHere("then and after_a_year are only for a clock that repeats");
  }
  return d;
}

}  // namespace

Result<Timescales> LoadTimescales(const std::string& config_dir) {
  std::string file = config_dir + "/timescales.toml";
  Result<toml::table> parsed = ParseTomlFile(file);
  if (!parsed.ok()) return parsed.status();
  Timescales out;
  Status status;
  TableReader top(*parsed, file, "", status);
  const toml::table& events = Section(*parsed, "events");
  for (const auto& [key, node] : events) {
    std::string name(key.str());
    auto label = node.value<std::string>();
    if (!label) top.Fail(node, "events." + name, "must be the event's name for people, in quotes");
    if (!IsKey(name)) top.Fail(node, "events." + name, "must be lower-case letters, digits and _ only");
    if (label) out.events[name] = *label;
  }
  for (const toml::table* clock : top.Tables("clock")) {
    if (!status.ok()) break;
    TimescaleDefinition d = ReadClock(*clock, file, out, status);
    out.clocks.push_back(std::move(d));
  }
  top.Finish();
  if (!status.ok()) return status;
  return out;
}

}  // namespace casework
