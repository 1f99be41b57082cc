#include "settings/toml_reader.h"

#include <algorithm>
#include <filesystem>

namespace casework {

void TableReader::Strings(const char* key, std::vector<std::string>& out) {
  seen_.push_back(key);
  const toml::node* node = table_.get(key);
  if (node == nullptr) return;
  const toml::array* array = node->as_array();
  if (array == nullptr) return Fail(*node, key, "must be a list of text");
  std::vector<std::string> values;
  for (const toml::node& item : *array) {
    auto v = item.value<std::string>();
    if (!v) return Fail(item, key, "must be a list of text");
    values.push_back(*v);
  }
  out = std::move(values);
}

void TableReader::OneOrMoreStrings(const char* key, std::vector<std::string>& out) {
  const toml::node* node = table_.get(key);
  if (node != nullptr && node->is_string()) {
    seen_.push_back(key);
    out = {*node->value<std::string>()};
    return;
  }
  Strings(key, out);
}

std::vector<const toml::table*> TableReader::Tables(const char* key) {
  seen_.push_back(key);
  std::vector<const toml::table*> out;
  const toml::node* node = table_.get(key);
  if (node == nullptr) return out;
  const toml::array* array = node->as_array();
  if (array == nullptr || !array->is_array_of_tables()) {
    Fail(*node, key, "must be written as [[" + prefix_ + key + "]] tables");
    return out;
  }
  for (const toml::node& item : *array) out.push_back(item.as_table());
  return out;
}

void TableReader::Finish() {
  for (const auto& [key, node] : table_) {
    if (std::find(seen_.begin(), seen_.end(), key.str()) == seen_.end() && !node.is_table()) {
      Fail(node, std::string(key.str()), "is not a setting Casework knows");
    }
  }
}

void TableReader::Fail(const toml::node& node, const std::string& key, const std::string& message) {
  if (!status_.ok()) return;
  status_ = Status::Invalid(file_ + ":" + std::to_string(node.source().begin.line), prefix_ + key + " " + message);
}

void TableReader::FailHere(const std::string& message) {
  if (!status_.ok()) return;
  status_ = Status::Invalid(file_ + ":" + std::to_string(table_.source().begin.line), prefix_ + message);
}

const toml::table& Section(const toml::table& root, const char* name) {
  static const toml::table empty;
  const toml::table* t = root[name].as_table();
  return t ? *t : empty;
}

Result<toml::table> ParseTomlFile(const std::string& file) {
  if (!std::filesystem::exists(file)) return Status::Invalid(file, "cannot be read: there is no such file");
  try {
    return toml::parse_file(file);
  } catch (const toml::parse_error& e) {
    return Status::Invalid(file + ":" + std::to_string(e.source().begin.line), std::string(e.description()));
  }
}

}  // namespace casework
