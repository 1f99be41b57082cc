#include "http/handler_support.h"

#include <algorithm>
#include <cstddef>

#include <boost/json/monotonic_resource.hpp>

#include "core/ids.h"

namespace casework::http {

std::optional<Response> ReadBody(const Call& call, const std::function<void(JsonReader&)>& read) {
  // The body's document lives only while the handler reads it: its nodes are taken from a
  // buffer on the stack and given back all at once, not allocated and freed one by one.
  alignas(std::max_align_t) unsigned char buffer[4096];
  boost::json::monotonic_resource memory(buffer, sizeof buffer);
  Result<boost::json::object> body = ParseBody(call.request.body, &memory);
  if (!body.ok()) return ErrorResponse(body.status());
  JsonReader reader(*body);
  read(reader);
  Status s = reader.Finish();
  if (!s.ok()) return ErrorResponse(s);
  return std::nullopt;
}

std::optional<Response> OnlyQuery(const Request& request, std::initializer_list<const char*> allowed) {
  for (const auto& [name, value] : request.query) {
    bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return name == a; });
    if (!known) return ErrorResponse(400, "invalid_argument", "is not a parameter this request accepts", name);
  }
  return std::nullopt;
}

std::optional<Response> PathId(const Call& call, const char* name, std::string& id) {
  id = call.param(name);
  if (!LooksLikeId(id)) return ErrorResponse(404, "not_found", "there is nothing with id " + id);
  return std::nullopt;
}

Date TodayIn(const Call& call) { return LondonDate(call.services.clock.Now()); }

Result<int> QueryInt(const Request& request, const char* name, int otherwise, int min, int max) {
  auto text = request.QueryValue(name);
  if (!text) return otherwise;
  const Status bad = Status::Invalid(name, "must be a whole number from " + std::to_string(min) + " to " +
                                               std::to_string(max));
  if (text->empty() || text->size() > 9) return bad;
  int value = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') return bad;
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) return bad;
  return value;
}

}  // namespace casework::http
