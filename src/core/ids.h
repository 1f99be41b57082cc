// Opaque, time-ordered identifiers for everything Casework stores.
//
// An id is 26 characters of Crockford base32: 48 bits of milliseconds since 1970 followed by
// 80 random bits (the ULID layout), so ids sort roughly by creation time and never collide in
// practice. Thread-safe as long as the RandomSource is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace casework {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void Fill(uint8_t* out, size_t n) = 0;
};

class IdGenerator {
 public:
  IdGenerator(const Clock& clock, RandomSource& random) : clock_(clock), random_(random) {}
  std::string Next();

 private:
  const Clock& clock_;
  RandomSource& random_;
};

// True when text has the shape of an id (used to reject garbage before touching the store).
bool LooksLikeId(std::string_view text);

}  // namespace casework
