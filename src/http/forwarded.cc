#include "http/forwarded.h"

#include <algorithm>
#include <cctype>
#include <boost/asio/ip/address.hpp>

namespace casework::http {
namespace {

std::string_view Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool Trusted(std::string_view address, const std::vector<std::string>& trusted) {
  return std::find(trusted.begin(), trusted.end(), address) != trusted.end();
}

}  // namespace

std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies) {
  if (!Trusted(peer, trusted_proxies) || Trimmed(forwarded_for).empty()) return peer;
  std::string_view rest = forwarded_for;
  while (true) {
    size_t comma = rest.rfind(',');
    std::string_view hop = Trimmed(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    boost::system::error_code ec;
    boost::asio::ip::make_address(std::string(hop), ec);
    if (ec) return peer;
    if (!Trusted(hop, trusted_proxies) || comma == std::string_view::npos) return std::string(hop);
    rest = rest.substr(0, comma);
  }
}

bool ForwardedOverTls(const std::string& peer, std::string_view forwarded_proto,
                      const std::vector<std::string>& trusted_proxies) {
  if (!Trusted(peer, trusted_proxies)) return false;
  size_t comma = forwarded_proto.rfind(',');
  std::string_view last = Trimmed(comma == std::string_view::npos ? forwarded_proto : forwarded_proto.substr(comma + 1));
  if (last.size() != 5) return false;
  return std::equal(last.begin(), last.end(), "https",
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

}  // namespace casework::http
