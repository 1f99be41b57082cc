// Reading one table of a partnership's TOML config, remembering the first problem with its file
// and line, and refusing keys it was not asked about, so a mistyped setting is caught at
// start-up rather than silently ignored. Not thread-safe; one per table being read.
#pragma once

#include <toml++/toml.h>

#include <string>
#include <vector>

#include "core/status.h"

namespace casework {

class TableReader {
 public:
  TableReader(const toml::table& table, std::string file, std::string prefix, Status& status)
      : table_(table), file_(std::move(file)), prefix_(std::move(prefix)), status_(status) {}

  // Reads key into out when present; a missing key leaves out as it was.
  template <typename T>
  void Read(const char* key, T& out) {
    seen_.push_back(key);
    const toml::node* node = table_.get(key);
    if (node == nullptr) return;
    if (auto v = node->value<T>()) {
      out = *v;
    } else {
      Fail(*node, key, "has the wrong type");
    }
  }

  // As Read, but a missing key is a problem reported at the table's own line.
  template <typename T>
  void Require(const char* key, T& out) {
    if (table_.get(key) == nullptr) FailHere(std::string(key) + " is missing");
    Read(key, out);
  }

  void Strings(const char* key, std::vector<std::string>& out);
  // A key holding one text or a list of texts.
  void OneOrMoreStrings(const char* key, std::vector<std::string>& out);
  // The tables of an array of tables ([[key]]); none when absent.
  std::vector<const toml::table*> Tables(const char* key);

  // Refuses any key that no call above asked for. Sub-tables are left to their own readers.
  void Finish();

  void Fail(const toml::node& node, const std::string& key, const std::string& message);
  // A problem with the table as a whole, reported at its first line.
  void FailHere(const std::string& message);
  const std::string& file() const { return file_; }
  const std::string& prefix() const { return prefix_; }

 private:
  const toml::table& table_;
  std::string file_;
  std::string prefix_;
  std::vector<std::string> seen_;
  Status& status_;
};

// The sub-table name of root, or an empty table.
const toml::table& Section(const toml::table& root, const char* name);

// Parses a TOML file, reporting a syntax error with its file and line.
Result<toml::table> ParseTomlFile(const std::string& file);

}  // namespace casework
