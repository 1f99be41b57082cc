#include "http/errors.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include "crypto/crypto.h"

namespace casework::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kUnauthenticated: return 401;
    case StatusCode::kPermissionDenied: return 403;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kConflict: return 409;
    case StatusCode::kConsentRequired: return 409;
    case StatusCode::kTooManyRequests: return 429;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

Response JsonResponse(int http_status, std::string body) {
  Response r;
  r.status = http_status;
  r.SetHeader("Content-Type", "application/json; charset=utf-8");
  r.body = std::move(body);
  return r;
}

Response ErrorResponse(int http_status, const std::string& code, const std::string& message,
                       const std::string& field) {
  boost::json::object error{{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return JsonResponse(http_status, boost::json::serialize(boost::json::object{{"error", std::move(error)}}));
}

Response InternalErrorResponse(std::string_view detail, std::string_view where) {
  const std::string reference = crypto::RandomHex(4);
  if (where.empty()) {
    spdlog::error("internal failure, reference {}: {}", reference, detail);
  } else {
    spdlog::error("internal failure, reference {}, on {}: {}", reference, where, detail);
  }
  boost::json::object error{
      {"code", StatusCodeName(StatusCode::kInternal)},
      {"message", "something went wrong on the server; the request was not completed. Your IT staff can find "
                  "what happened in the server's log under reference " +
                      reference},
      {"reference", reference}};
  return JsonResponse(500, boost::json::serialize(boost::json::object{{"error", std::move(error)}}));
}

Response ErrorResponse(const Status& status) {
  if (status.code() == StatusCode::kInternal) return InternalErrorResponse(status.message());
  return ErrorResponse(HttpStatusFor(status.code()), StatusCodeName(status.code()), status.message(), status.field());
}

}  // namespace casework::http
