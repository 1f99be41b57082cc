// The session credential: a cookie for the browser, or a bearer token for other clients.
#pragma once

#include <string>

#include "http/message.h"

namespace casework::http {

inline constexpr char kSessionCookie[] = "casework_session";

struct SessionCredential {
  std::string token;
  bool from_cookie = false;
};

// The bearer token if there is one, else the session cookie's value.
SessionCredential FindCredential(const Request& request);
// HttpOnly so page scripts cannot read it, SameStrict so other sites cannot send it, Secure
// over TLS.
std::string SessionCookie(const std::string& token, bool secure);
std::string ClearedSessionCookie(bool secure);

}  // namespace casework::http
