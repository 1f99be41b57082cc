// One-time passwords against RFC 6238's own test vectors, the allowance for clock drift and
// the refusal of a code used before (SEC-03).
#include "crypto/totp.h"

#include <gtest/gtest.h>

#include "crypto/crypto.h"

namespace casework::crypto {
namespace {

// RFC 6238 appendix B: the SHA-1 secret is the ASCII of these twenty digits.
constexpr char kRfcSecret[] = "12345678901234567890";

class Totp : public ::testing::Test {
 protected:
  void SetUp() override { Initialise(); }
};

Timestamp At(int64_t unix_seconds) { return Timestamp{std::chrono::seconds{unix_seconds}}; }

// SEC-03: the eight-digit SHA-1 vectors of RFC 6238 appendix B.
TEST_F(Totp, SEC03_MatchesRfc6238Vectors) {
  struct Vector {
    int64_t time;
    const char* code;
  };
  for (const Vector& v : {Vector{59, "94287082"}, Vector{1111111109, "07081804"}, Vector{1111111111, "14050471"},
                          Vector{1234567890, "89005924"}, Vector{2000000000, "69279037"},
                          Vector{20000000000, "65353130"}}) {
    EXPECT_EQ(TotpCode(kRfcSecret, TotpStep(At(v.time)), 8), v.code) << "at " << v.time;
  }
  // Six digits, as apps show, are the last six of the same number.
  EXPECT_EQ(TotpCode(kRfcSecret, TotpStep(At(59))), "287082");
}

// SEC-03: a phone's clock a step fast or slow still works; two steps out does not.
TEST_F(Totp, SEC03_AllowsOneStepOfDriftEitherSide) {
  const int64_t now = TotpStep(At(1'800'000'000));
  EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, now), now, 0), now);
  EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, now - 1), now, 0), now - 1);
  EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, now + 1), now, 0), now + 1);
  EXPECT_FALSE(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, now - 2), now, 0));
  EXPECT_FALSE(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, now + 2), now, 0));
  EXPECT_FALSE(MatchTotp("another secret here!", TotpCode(kRfcSecret, now), now, 0));
  EXPECT_FALSE(MatchTotp(kRfcSecret, "12345", now, 0));
  EXPECT_FALSE(MatchTotp(kRfcSecret, "", now, 0));
}

// SEC-03: a code overheard or reused is refused: once a step has been used, neither it nor
// an earlier step's code is accepted again.
TEST_F(Totp, SEC03_RefusesACodeUsedBefore) {
  const int64_t now = TotpStep(At(1'800'000'000));
  std::string code = TotpCode(kRfcSecret, now);
  std::optional<int64_t> used = MatchTotp(kRfcSecret, code, now, 0);
  ASSERT_EQ(used, now);
  EXPECT_FALSE(MatchTotp(kRfcSecret, code, now, *used));
  EXPECT_FALSE(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, now - 1), now, *used));
  EXPECT_EQ(MatchTotp(kRfcSecret, TotpCode(kRfcSecret, now + 1), now, *used), now + 1);
}

TEST_F(Totp, SecretAndAddressForAnApp) {
  EXPECT_EQ(Base32(kRfcSecret), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(TotpUri("Casework", "sam o'neil", kRfcSecret),
            "otpauth://totp/Casework:sam%20o%27neil?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Casework"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace casework::crypto
