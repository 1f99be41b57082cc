#include "crypto/totp.h"

#include <liboath/oath.h>

#include <cctype>
#include <stdexcept>

#include "crypto/crypto.h"

namespace casework::crypto {
namespace {

// Percent-encodes everything but unreserved characters, for a part of an otpauth:// address.
std::string UriPart(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

int64_t TotpStep(Timestamp at) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(at).time_since_epoch().count();
  return seconds / kTotpStepSeconds;
}

std::string TotpCode(std::string_view secret, int64_t step, int digits) {
  char out[16] = {};
  int rc = oath_totp_generate(secret.data(), secret.size(), static_cast<time_t>(step * kTotpStepSeconds),
                              kTotpStepSeconds, 0, static_cast<unsigned>(digits), out);
  if (rc != OATH_OK) throw std::runtime_error(std::string("liboath: ") + oath_strerror(rc));
  return out;
}

std::optional<int64_t> MatchTotp(std::string_view secret, std::string_view code, int64_t now_step,
                                 int64_t last_used_step, int drift) {
  if (code.size() != kTotpDigits) return std::nullopt;
  std::optional<int64_t> matched;
  // Every candidate is compared, so the time taken does not tell which one matched.
  for (int64_t step = now_step - drift; step <= now_step + drift; ++step) {
    bool same = ConstantTimeEquals(TotpCode(secret, step), code);
    if (same && step > last_used_step && !matched) matched = step;
  }
  return matched;
}

std::string Base32(std::string_view bytes) {
  char* out = nullptr;
  size_t length = 0;
  int rc = oath_base32_encode(bytes.data(), bytes.size(), &out, &length);
  if (rc != OATH_OK) throw std::runtime_error(std::string("liboath: ") + oath_strerror(rc));
  std::string text(out, length);
  free(out);
  while (!text.empty() && text.back() == '=') text.pop_back();
  return text;
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  return "otpauth://totp/" + UriPart(issuer) + ":" + UriPart(account) + "?secret=" + Base32(secret) +
         "&issuer=" + UriPart(issuer) + "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpStepSeconds);
}

}  // namespace casework::crypto
