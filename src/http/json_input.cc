#include "http/json_input.h"

#include <algorithm>

#include <boost/json/parse.hpp>

#include "core/text.h"

namespace casework::http {
namespace json = boost::json;

Result<json::object> ParseBody(std::string_view body, json::storage_ptr storage) {
  if (body.empty()) return Status::Invalid("body", "is empty; send a JSON object");
  if (!IsValidUtf8(body)) return Status::Invalid("body", "is not valid UTF-8 text");
  json::parse_options options;
  options.max_depth = 16;
  boost::system::error_code ec;
  json::value v = json::parse(body, ec, std::move(storage), options);
  if (ec) return Status::Invalid("body", "is not valid JSON: " + ec.message());
  if (!v.is_object()) return Status::Invalid("body", "must be a JSON object");
  return std::move(v.as_object());
}

JsonReader::JsonReader(const json::object& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {
  read_.reserve(std::max<size_t>(16, object.size()));
}

void JsonReader::Fail(const std::string& key, const std::string& message) {
  if (status_.ok()) status_ = Status::Invalid(Path(key), message);
}

bool JsonReader::Has(const char* key) const { return object_.contains(key); }

const json::value* JsonReader::Get(const char* key, bool required) {
  MarkRead(key);
  const json::value* v = object_.if_contains(key);
  if (v == nullptr || v->is_null()) {
    if (required) Fail(key, "is required");
    return nullptr;
  }
  return v;
}

std::string JsonReader::String(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    Fail(key, "must be text");
    return {};
  }
  std::string s(v->as_string());
  if (required && IsBlank(s)) Fail(key, "is required");
  return s;
}

std::optional<std::string> JsonReader::OptString(const char* key) {
  if (!Has(key)) {
    MarkRead(key);
    return std::nullopt;
  }
  return String(key);
}

bool JsonReader::Bool(const char* key, bool required, bool otherwise) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return otherwise;
  if (!v->is_bool()) {
    Fail(key, "must be true or false");
    return otherwise;
  }
  return v->as_bool();
}

std::optional<bool> JsonReader::OptBool(const char* key) {
  const json::value* v = Get(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_bool()) {
    Fail(key, "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<int64_t> JsonReader::OptInt(const char* key) {
  const json::value* v = Get(key, false);
  if (v == nullptr) return std::nullopt;
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= INT64_MAX) return static_cast<int64_t>(v->as_uint64());
  Fail(key, "must be a whole number");
  return std::nullopt;
}

std::optional<Date> JsonReader::OptDate(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    Fail(key, "must be a date written YYYY-MM-DD");
    return std::nullopt;
  }
  Result<Date> d = ParseDate(v->as_string(), Path(key));
  if (!d.ok()) {
    if (status_.ok()) status_ = d.status();
    return std::nullopt;
  }
  return *d;
}

std::optional<std::optional<Date>> JsonReader::NullableDate(const char* key) {
  if (!Has(key)) {
    MarkRead(key);
    return std::nullopt;
  }
  if (object_.at(key).is_null()) {
    MarkRead(key);
    return std::optional<Date>();
  }
  auto d = OptDate(key);
  if (!d) return std::nullopt;
  return std::optional<Date>(*d);
}

std::optional<std::optional<bool>> JsonReader::NullableBool(const char* key) {
  if (!Has(key)) {
    MarkRead(key);
    return std::nullopt;
  }
  if (object_.at(key).is_null()) {
    MarkRead(key);
    return std::optional<bool>();
  }
  auto b = OptBool(key);
  if (!b) return std::nullopt;
  return std::optional<bool>(*b);
}

std::optional<Timestamp> JsonReader::OptTimestamp(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    Fail(key, "must be a date and time such as 2026-11-23T14:30:00Z");
    return std::nullopt;
  }
  Result<Timestamp> t = ParseTimestamp(v->as_string(), Path(key));
  if (!t.ok()) {
    if (status_.ok()) status_ = t.status();
    return std::nullopt;
  }
  return *t;
}

std::vector<std::string> JsonReader::Strings(const char* key) {
  std::vector<std::string> out;
  const json::value* v = Get(key, false);
  if (v == nullptr) return out;
  if (!v->is_array()) {
    Fail(key, "must be a list");
    return out;
  }
  for (const json::value& item : v->as_array()) {
    if (!item.is_string()) {
      Fail(key, "must be a list of text");
      return {};
    }
    out.emplace_back(item.as_string());
  }
  return out;
}

void JsonReader::Objects(const char* key, bool required, const std::function<void(JsonReader&)>& read) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return;
  if (!v->is_array()) {
    Fail(key, "must be a list");
    return;
  }
  const json::array& items = v->as_array();
  for (size_t i = 0; i < items.size() && ok(); ++i) {
    std::string at = Path(key) + "[" + std::to_string(i) + "]";
    if (!items[i].is_object()) {
      if (status_.ok()) status_ = Status::Invalid(at, "must be an object");
      return;
    }
    JsonReader inner(items[i].as_object(), at + ".");
    read(inner);
    Status s = inner.Finish();
    if (!s.ok() && status_.ok()) status_ = s;
  }
}

bool JsonReader::Object(const char* key, bool required, const std::function<void(JsonReader&)>& read) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return false;
  if (!v->is_object()) {
    Fail(key, "must be an object");
    return false;
  }
  JsonReader inner(v->as_object(), Path(key) + ".");
  read(inner);
  Status s = inner.Finish();
  if (!s.ok() && status_.ok()) status_ = s;
  return true;
}

std::optional<json::object> JsonReader::AnyObject(const char* key, bool required) {
  const json::value* v = Get(key, required);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) {
    Fail(key, "must be an object");
    return std::nullopt;
  }
  return json::object(v->as_object(), json::storage_ptr());
}

std::optional<std::vector<std::pair<std::string, std::string>>> JsonReader::StringMap(const char* key) {
  const json::value* v = Get(key, false);
  if (v == nullptr) return std::nullopt;
  if (!v->is_object()) {
    Fail(key, "must be an object of text values");
    return std::nullopt;
  }
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [k, value] : v->as_object()) {
    if (!value.is_string()) {
      Fail(std::string(key) + "." + std::string(k), "must be text");
      return std::nullopt;
    }
    out.emplace_back(std::string(k), std::string(value.as_string()));
  }
  return out;
}

Status JsonReader::Finish() {
  if (!status_.ok()) return status_;
  for (const auto& [key, value] : object_) {
    if (std::find(read_.begin(), read_.end(), std::string_view(key)) == read_.end()) {
      return Status::Invalid(Path(std::string(key)), "is not a field this request accepts");
    }
  }
  return Status::Ok();
}

}  // namespace casework::http
