#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <set>
#include <thread>
#include <vector>

#include "crypto/crypto.h"

namespace casework::crypto {
namespace {

class BufferedRandomTest : public ::testing::Test {
 protected:
  void SetUp() override { Initialise(); }
};

// Ids take 10 bytes at a time: across many buffers' worth, no two draws are alike.
TEST_F(BufferedRandomTest, NeverHandsOutTheSameBytesTwice) {
  BufferedRandom random;
  std::set<std::array<uint8_t, 10>> seen;
  for (int i = 0; i < 5000; ++i) {
    std::array<uint8_t, 10> draw{};
    random.Fill(draw.data(), draw.size());
    EXPECT_TRUE(seen.insert(draw).second) << "draw " << i;
  }
}

TEST_F(BufferedRandomTest, FillsLargeRequestsAndEachThreadItsOwn) {
  BufferedRandom random;
  std::vector<uint8_t> large(10000, 0);
  random.Fill(large.data(), large.size());
  EXPECT_GT(std::count(large.begin(), large.end(), 0), 0);
  EXPECT_LT(std::count(large.begin(), large.end(), 0), 200);  // about 39 expected

  std::array<uint8_t, 16> a{}, b{};
  std::thread([&] { random.Fill(a.data(), a.size()); }).join();
  std::thread([&] { random.Fill(b.data(), b.size()); }).join();
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace casework::crypto
