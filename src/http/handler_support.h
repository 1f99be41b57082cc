// Helpers every handler file uses: reading the body, query and path, and answering.
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "http/api.h"
#include "http/errors.h"
#include "http/json_input.h"
#include "http/wire.h"

namespace casework::http {

// Parses the body and runs read over it, then Finish(). On success returns nullopt; on any
// problem, the error response to send.
std::optional<Response> ReadBody(const Call& call, const std::function<void(JsonReader&)>& read);

// The error response when the query string holds a parameter outside allowed.
std::optional<Response> OnlyQuery(const Request& request, std::initializer_list<const char*> allowed);

// The {id} path parameter, or a 404 response when it cannot be an id.
std::optional<Response> PathId(const Call& call, const char* name, std::string& id);

// Ok(body) for a value, ErrorResponse for a failure.
template <typename T, typename F>
Response Answer(const Result<T>& result, F&& to_json, int status = 200) {
  if (!result.ok()) return ErrorResponse(result.status());
  return Ok(to_json(result.value()), status);
}

// The required string field key as one of a fixed set of values, parsed by parse; a problem
// naming allowed when it is none of them.
template <typename E>
E Choice(JsonReader& r, const char* key, std::optional<E> (*parse)(std::string_view), const char* allowed) {
  std::string text = r.String(key, true);
  auto value = parse(text);
  if (!value && r.ok()) r.Fail(key, std::string("must be one of: ") + allowed);
  return value.value_or(E{});
}

Date TodayIn(const Call& call);

// The whole-number query parameter name, otherwise when absent; an error when it is not a
// whole number from min to max.
Result<int> QueryInt(const Request& request, const char* name, int otherwise, int min, int max);

}  // namespace casework::http
