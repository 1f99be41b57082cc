#include "http/request_target.h"

#include <array>

#include <boost/url/parse.hpp>

namespace casework::http {
namespace {

// RFC 3986 pchar without pct-encoded (unreserved, sub-delims, ':' and '@'), and '/': the
// characters of a path that decodes to itself.
constexpr std::array<bool, 256> PlainPathCharacters() {
  std::array<bool, 256> plain{};
  for (unsigned char c = 'a'; c <= 'z'; ++c) plain[c] = true;
  for (unsigned char c = 'A'; c <= 'Z'; ++c) plain[c] = true;
  for (unsigned char c = '0'; c <= '9'; ++c) plain[c] = true;
  for (unsigned char c : std::string_view("-._~!$&'()*+,;=:@/")) plain[c] = true;
  return plain;
}

constexpr std::array<bool, 256> kPlainPath = PlainPathCharacters();

bool PlainPath(std::string_view target) {
  if (target.empty() || target.front() != '/') return false;
  for (char c : target) {
    if (!kPlainPath[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

}  // namespace

bool ReadRequestTarget(std::string_view target, std::string& path, std::multimap<std::string, std::string>& query) {
  if (PlainPath(target)) {
    path.assign(target);
    return true;
  }
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  path = parsed->path();
  for (auto param : parsed->params()) query.emplace(param.key, param.value);
  return true;
}

}  // namespace casework::http
