// Checking the tamper evidence of every record's journal and of the access log (ENT-06,
// GOV-06): each item must hash to its stored hash, point at the hash of the item before it,
// follow it without a gap, and the chain must end where its head says.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/services.h"

namespace casework::app {

struct ChainBreak {
  std::string log;    // "journal" or "access log"
  std::string chain;  // the record id, or the access log chain
  int64_t seq = 0;    // the first item found broken
  std::string item_id;
  std::string problem;
};

struct VerifyReport {
  int64_t records = 0;
  int64_t items = 0;
  int64_t access_chains = 0;
  int64_t access_events = 0;
  std::vector<ChainBreak> breaks;  // at most one per chain: the first break in it
};

Result<VerifyReport> VerifyAll(const Services& s);

}  // namespace casework::app
