#include "demo/demo_random.h"

namespace casework::demo {

const char* Rng::Pick(const std::vector<Weighted>& table) {
  int total = 0;
  for (const Weighted& w : table) total += w.weight;
  int at = Between(0, total - 1);
  for (const Weighted& w : table) {
    if (at < w.weight) return w.text;
    at -= w.weight;
  }
  return table.back().text;
}

size_t Rng::Index(const std::vector<int>& weights) {
  int total = 0;
  for (int w : weights) total += w;
  int at = Between(0, total - 1);
  for (size_t i = 0; i < weights.size(); ++i) {
    if (at < weights[i]) return i;
    at -= weights[i];
  }
  return weights.size() - 1;
}

void SeededRandom::Fill(uint8_t* out, size_t n) {
  for (size_t i = 0; i < n; ++i) out[i] = static_cast<uint8_t>(rng_.Bits());
}

}  // namespace casework::demo
