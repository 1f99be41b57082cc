// Turning a Status into an HTTP answer: the one table from error code to HTTP status, and
// the error body every failure shares: {"error": {"code", "message", "field"}}. A failure
// inside the server (HTTP 500) instead carries a fixed message and a "reference".
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "http/message.h"

namespace casework::http {

int HttpStatusFor(StatusCode code);
Response ErrorResponse(const Status& status);
// For failures met before a Status exists (bad framing, oversized bodies).
Response ErrorResponse(int http_status, const std::string& code, const std::string& message,
                       const std::string& field = "");
Response JsonResponse(int http_status, std::string body);
// A failure inside the server. Its detail (database errors name tables, columns and sometimes
// values) is for IT staff only: it goes to the server's log under a short random reference,
// and the client is told only that reference. `where` (method and path) joins the log line.
Response InternalErrorResponse(std::string_view detail, std::string_view where = "");

}  // namespace casework::http
