// The cryptography Casework uses, from libsodium: hashing for the tamper-evident chains and
// session tokens, random tokens, and Argon2id password hashes. Thread-safe. The server's key
// is in server_key.h, one-time passwords (liboath) in totp.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.h"

namespace casework::crypto {

// Must run once before any other function here; safe to call more than once.
void Initialise();

// BLAKE2b with a 256-bit output, as 64 lowercase hex digits.
std::string HashHex(std::string_view data);

// n random bytes as lowercase hex (2n characters).
std::string RandomHex(size_t n);

class SodiumRandom final : public RandomSource {
 public:
  void Fill(uint8_t* out, size_t n) override;
};

// The kernel's random bytes, asked for 4 KiB at a time by each thread and each handed out
// once: an id's 10 random bytes cost a system call each through SodiumRandom, two of them on
// the database writer's thread for every case note. For ids, not for secrets kept long.
class BufferedRandom final : public RandomSource {
 public:
  void Fill(uint8_t* out, size_t n) override;
};

struct PasswordCost {
  unsigned long long ops_limit;
  size_t mem_limit_bytes;
};

// An Argon2id hash string (it records its own salt and cost), or nullopt if memory ran out.
std::optional<std::string> HashPassword(std::string_view password, PasswordCost cost);
bool VerifyPassword(std::string_view hash, std::string_view password);
// True when hash was made with a different cost than the one configured now.
bool PasswordNeedsRehash(std::string_view hash, PasswordCost cost);

// Compares two strings in time that does not depend on where they differ.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace casework::crypto
