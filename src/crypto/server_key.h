// The server's own key, which seals secrets Casework must keep but a copy of the database
// must not reveal (such as users' two-factor secrets), and the short-lived tokens only this
// server can have issued. XChaCha20-Poly1305 from libsodium; each sealed value is bound to
// what it belongs to, so it cannot be moved to another user or another use.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace casework::crypto {

class ServerKey {
 public:
  static constexpr size_t kBytes = 32;

  // From the 64 hex digits a key file holds (surrounding white space ignored).
  static Result<ServerKey> FromHex(std::string_view text);
  static ServerKey Generate();
  ~ServerKey();
  ServerKey(const ServerKey&) = default;
  ServerKey& operator=(const ServerKey&) = default;

  std::string ToHex() const;
  // Hex of a fresh nonce and the ciphertext.
  std::string Seal(std::string_view plain, std::string_view bound_to) const;
  // nullopt when sealed was not made by this key for bound_to, or was altered.
  std::optional<std::string> Open(std::string_view sealed, std::string_view bound_to) const;

 private:
  ServerKey() = default;
  std::array<unsigned char, kBytes> key_{};
};

}  // namespace casework::crypto
