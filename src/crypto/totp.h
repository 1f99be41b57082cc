// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as
// authenticator apps make them, computed with liboath.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace casework::crypto {

inline constexpr int kTotpStepSeconds = 30;
inline constexpr int kTotpDigits = 6;
// 160 bits, the length RFC 4226 recommends for the shared secret.
inline constexpr size_t kTotpSecretBytes = 20;

// The number of whole steps since 1970 at this time (RFC 6238's T).
int64_t TotpStep(Timestamp at);

// The code for one step, with leading zeros.
std::string TotpCode(std::string_view secret, int64_t step, int digits = kTotpDigits);

// The step whose code this is, looking drift steps either side of now_step for a clock out
// by that much, and only at steps after last_used_step so that a code works once. nullopt
// when the code matches none of them.
std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, int64_t now_step,
                                 int64_t last_used_step, int drift = 1);

// RFC 4648 base32 without padding, as authenticator apps take a secret typed in.
std::string Base32(std::string_view bytes);

// The otpauth:// address an authenticator app reads (usually from a QR code).
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace casework::crypto
