#include "crypto/server_key.h"

#include <sodium.h>

#include <cctype>

namespace casework::crypto {
namespace {

std::string Hex(const unsigned char* bytes, size_t n) {
  std::string hex(2 * n + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

const unsigned char* Bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

Result<ServerKey> ServerKey::FromHex(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  ServerKey key;
  size_t length = 0;
  if (text.size() != 2 * kBytes ||
      sodium_hex2bin(key.key_.data(), key.key_.size(), text.data(), text.size(), nullptr, &length, nullptr) != 0 ||
      length != kBytes) {
    return Status::Invalid("key", "must be " + std::to_string(2 * kBytes) + " hexadecimal digits");
  }
  return key;
}

ServerKey ServerKey::Generate() {
  ServerKey key;
  crypto_aead_xchacha20poly1305_ietf_keygen(key.key_.data());
  return key;
}

ServerKey::~ServerKey() { sodium_memzero(key_.data(), key_.size()); }

std::string ServerKey::ToHex() const { return Hex(key_.data(), key_.size()); }

std::string ServerKey::Seal(std::string_view plain, std::string_view bound_to) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string out(kNonce + plain.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(bytes, kNonce);
  unsigned long long length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(bytes + kNonce, &length, Bytes(plain), plain.size(), Bytes(bound_to),
                                             bound_to.size(), nullptr, bytes, key_.data());
  return Hex(bytes, kNonce + length);
}

std::optional<std::string> ServerKey::Open(std::string_view sealed, std::string_view bound_to) const {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::string raw(sealed.size() / 2, '\0');
  size_t length = 0;
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), sealed.data(), sealed.size(), nullptr,
                     &length, nullptr) != 0 ||
      length < kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES) {
    return std::nullopt;
  }
  std::string plain(length - kNonce - crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  unsigned long long plain_length = 0;
  const unsigned char* bytes = Bytes(raw);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &plain_length,
                                                 nullptr, bytes + kNonce, length - kNonce, Bytes(bound_to),
                                                 bound_to.size(), bytes, key_.data()) != 0) {
    return std::nullopt;
  }
  plain.resize(plain_length);
  return plain;
}

}  // namespace casework::crypto
