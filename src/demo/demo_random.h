// Seeded randomness for the demo data set, so the same seed makes the same children, families
// and casework (and the same ids) every time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "core/ids.h"

namespace casework::demo {

struct Weighted {
  const char* text;
  int weight;
};

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  int Between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(engine_); }
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(engine_) < p; }
  uint64_t Bits() { return engine_(); }

  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Between(0, static_cast<int>(items.size()) - 1))];
  }
  // A choice weighted as the table says, such as names by how often they are given.
  const char* Pick(const std::vector<Weighted>& table);
  // An index into weights, chosen in proportion to them.
  size_t Index(const std::vector<int>& weights);

 private:
  std::mt19937_64 engine_;
};

// Random bytes for ids from the seeded generator.
class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(uint64_t seed) : rng_(seed) {}
  void Fill(uint8_t* out, size_t n) override;

 private:
  Rng rng_;
};

}  // namespace casework::demo
