// Whom a request came from, and whether over HTTPS, when Casework sits behind a load balancer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casework::http {

// The address to record for a request that arrived on a connection from peer. When peer is
// one of trusted_proxies, it is the address those proxies say the request came from: the
// last in X-Forwarded-For (each proxy appends the address it heard from) that is not itself
// a trusted proxy. Otherwise, or when that is not an IP address, it is peer, so no one but
// a trusted proxy can choose what the access log and sign-in throttling see.
std::string ClientAddress(const std::string& peer, std::string_view forwarded_for,
                          const std::vector<std::string>& trusted_proxies);

// Whether a request that arrived as plain HTTP from peer reached the proxy over HTTPS: only
// when peer is one of trusted_proxies and X-Forwarded-Proto says https. Of a list, the last
// value counts, the one the proxy that connected to Casework set; earlier ones may have come
// from the client. A request over Casework's own TLS needs no header.
bool ForwardedOverTls(const std::string& peer, std::string_view forwarded_proto,
                      const std::vector<std::string>& trusted_proxies);

}  // namespace casework::http
