// Strict reading of JSON request bodies. The reader remembers the first problem it meets
// (wrong type, missing field, bad date...) with the full path of the field, and Finish()
// also refuses any field the handler did not read, so a misspelt field is an error rather
// than silently ignored. Handlers read every field, then call Finish() once.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/status.h"
#include "core/time.h"

namespace casework::http {

// Parses a request body that must be one JSON object: reports malformed JSON, invalid
// UTF-8 and anything other than an object. The document's memory comes from storage.
Result<boost::json::object> ParseBody(std::string_view body, boost::json::storage_ptr storage = {});

class JsonReader {
 public:
  // The reader reports its fields as prefix + name.
  JsonReader(const boost::json::object& object, std::string prefix = "");

  std::string String(const char* key, bool required = false);
  std::optional<std::string> OptString(const char* key);
  bool Bool(const char* key, bool required = false, bool otherwise = false);
  std::optional<bool> OptBool(const char* key);
  std::optional<int64_t> OptInt(const char* key);
  std::optional<Date> OptDate(const char* key, bool required = false);
  // Absent: nullopt. null: an empty inner optional (clear the value). A date: the date.
  std::optional<std::optional<Date>> NullableDate(const char* key);
  std::optional<std::optional<bool>> NullableBool(const char* key);
  std::optional<Timestamp> OptTimestamp(const char* key, bool required = false);
  std::vector<std::string> Strings(const char* key);
  // True when the key is present (even as null).
  bool Has(const char* key) const;

  // Calls read for each object in the array at key, with a reader for that object.
  void Objects(const char* key, bool required, const std::function<void(JsonReader&)>& read);
  // Calls read with a reader for the object at key, if present.
  bool Object(const char* key, bool required, const std::function<void(JsonReader&)>& read);
  // The object at key as it was sent, unread: for content the server keeps but does not
  // interpret, such as a form's draft. Copied into memory of its own, so it may outlive the
  // body's document.
  std::optional<boost::json::object> AnyObject(const char* key, bool required = false);
  // The object at key as string pairs, e.g. {"religion": "declined to say"}.
  std::optional<std::vector<std::pair<std::string, std::string>>> StringMap(const char* key);

  // Records a problem the handler found itself (the first one wins).
  void Fail(const std::string& key, const std::string& message);
  bool ok() const { return status_.ok(); }
  // The first problem, or an unknown field, or ok.
  Status Finish();

 private:
  const boost::json::value* Get(const char* key, bool required);
  void MarkRead(const char* key) { read_.emplace_back(key); }
  std::string Path(const std::string& key) const { return prefix_ + key; }

  const boost::json::object& object_;
  std::string prefix_;
  // The names read, as the handler wrote them: string literals, so they are kept, not copied,
  // and a body's dozen fields are found by looking along them.
  std::vector<std::string_view> read_;
  Status status_;
};

}  // namespace casework::http
