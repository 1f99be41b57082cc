#include "http/cookies.h"

namespace casework::http {

SessionCredential FindCredential(const Request& request) {
  std::string auth = request.Header("authorization");
  if (auth.rfind("Bearer ", 0) == 0) return {auth.substr(7), false};
  std::string cookies = request.Header("cookie");
  const std::string name = std::string(kSessionCookie) + "=";
  size_t pos = 0;
  while (pos < cookies.size()) {
    while (pos < cookies.size() && (cookies[pos] == ' ' || cookies[pos] == ';')) ++pos;
    size_t end = cookies.find(';', pos);
    if (end == std::string::npos) end = cookies.size();
    if (cookies.compare(pos, name.size(), name) == 0) {
      return {cookies.substr(pos + name.size(), end - pos - name.size()), true};
    }
    pos = end;
  }
  return {};
}

std::string SessionCookie(const std::string& token, bool secure) {
  return std::string(kSessionCookie) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string ClearedSessionCookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" + (secure ? "; Secure" : "");
}

}  // namespace casework::http
