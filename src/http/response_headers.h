// Headers the API sets on responses, however they are answered (at once or later).
#pragma once

#include "app/sessions.h"
#include "http/message.h"

namespace casework::http {

// What every response carries: the content security policy and its companions, and no caching
// of anything from the API.
void AddSecurityHeaders(const Request& request, Response& r);

// X-Session-Expires-In: how many seconds the session has left, for the pages' warning.
void SetSessionExpiry(Response& r, const app::Authenticated& auth, Timestamp now);

}  // namespace casework::http
