#include "crypto/server_key.h"

#include <gtest/gtest.h>

#include "crypto/crypto.h"

namespace casework::crypto {
namespace {

class ServerKeyTest : public ::testing::Test {
 protected:
  void SetUp() override { Initialise(); }
};

TEST_F(ServerKeyTest, OpensOnlyWhatItSealedForTheSameOwner) {
  ServerKey key = ServerKey::Generate();
  std::string sealed = key.Seal("twenty secret bytes!", "user 1");
  EXPECT_EQ(sealed.find("twenty"), std::string::npos);
  EXPECT_EQ(key.Open(sealed, "user 1"), "twenty secret bytes!");
  EXPECT_FALSE(key.Open(sealed, "user 2"));  // moved to another user's row
  EXPECT_FALSE(ServerKey::Generate().Open(sealed, "user 1"));
  std::string altered = sealed;
  altered[50] = altered[50] == '0' ? '1' : '0';
  EXPECT_FALSE(key.Open(altered, "user 1"));
  EXPECT_FALSE(key.Open("zz", "user 1"));
  EXPECT_NE(key.Seal("same", "x"), key.Seal("same", "x"));  // a fresh nonce each time
}

TEST_F(ServerKeyTest, ReadsBackFromHex) {
  ServerKey key = ServerKey::Generate();
  Result<ServerKey> again = ServerKey::FromHex(key.ToHex() + "\n");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->Open(key.Seal("text", "a"), "a"), "text");
  EXPECT_FALSE(ServerKey::FromHex("abc").ok());
  EXPECT_FALSE(ServerKey::FromHex(std::string(64, 'g')).ok());
}

}  // namespace
}  // namespace casework::crypto
