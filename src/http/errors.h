// Turning a Status into an HTTP answer: the one table from error code to HTTP status, and
// the error body every failure shares: {"error": {"code", "message", "field"}}.
#pragma once

#include <string>

#include "core/status.h"
#include "http/message.h"

namespace casework::http {

int HttpStatusFor(StatusCode code);
Response ErrorResponse(const Status& status);
// For failures met before a Status exists (bad framing, oversized bodies).
Response ErrorResponse(int http_status, const std::string& code, const std::string& message,
                       const std::string& field = "");
Response JsonResponse(int http_status, std::string body);

}  // namespace casework::http
