#include "crypto/crypto.h"

#include <liboath/oath.h>
#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace casework::crypto {

void Initialise() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  // liboath's own set-up is not thread-safe, so it happens here, before any threads.
  static const int oath = oath_init();
  if (oath != OATH_OK) throw std::runtime_error("liboath could not be initialised");
}

std::string HashHex(std::string_view data) {
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return std::string(hex, 64);
}

std::string RandomHex(size_t n) {
  std::string bytes(n, '\0');
  randombytes_buf(bytes.data(), n);
  std::string hex(2 * n + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(bytes.data()), n);
  hex.pop_back();
  return hex;
}

void SodiumRandom::Fill(uint8_t* out, size_t n) { randombytes_buf(out, n); }

void BufferedRandom::Fill(uint8_t* out, size_t n) {
  constexpr size_t kBufferBytes = 4096;
  thread_local uint8_t buffer[kBufferBytes];
  thread_local size_t used = kBufferBytes;
  if (n > kBufferBytes / 4) return randombytes_buf(out, n);
  if (kBufferBytes - used < n) {
    randombytes_buf(buffer, kBufferBytes);
    used = 0;
  }
  std::memcpy(out, buffer + used, n);
  // Wiped as handed out, so no byte is ever handed out twice or left to be read later.
  sodium_memzero(buffer + used, n);
  used += n;
}

std::optional<std::string> HashPassword(std::string_view password, PasswordCost cost) {
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), cost.ops_limit, cost.mem_limit_bytes) != 0) {
    return std::nullopt;
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view hash, PasswordCost cost) {
  if (hash.size() >= crypto_pwhash_STRBYTES) return true;
  char buf[crypto_pwhash_STRBYTES] = {};
  hash.copy(buf, hash.size());
  return crypto_pwhash_str_needs_rehash(buf, cost.ops_limit, cost.mem_limit_bytes) != 0;
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace casework::crypto
