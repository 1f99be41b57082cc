// Synthetic data at the size of a council's or a nation's children's services, for
// benchmarks: the same families and kinds of casework as the demo data set, written straight
// into the store in large batches with every journal chained and hashed as the use cases
// would, so `casework verify` passes and every read path sees ordinary records.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/settings.h"
#include "core/status.h"
#include "core/time.h"
#include "store/database.h"

namespace casework::demo {

struct Scale {
  std::string name;
  int64_t children = 0;
  int64_t persons = 0;
  int64_t items = 0;  // journal items in all
};

// tiny and small (a hundredth and a tenth of a council), council, national; nullopt for any
// other name.
std::optional<Scale> ScaleNamed(std::string_view name);

struct ScaleOptions {
  uint64_t seed = 2026;
  int history_days = 3 * 365;  // the oldest records opened this long ago
  // The first child's record holds this many entries, all significant: the longest
  // chronology a benchmark reads.
  int longest_record_entries = 10000;
};

struct ScaleSummary {
  int64_t users = 0;
  int64_t children = 0;
  int64_t persons = 0;
  int64_t items = 0;
  double seconds = 0;
};

// Loads an empty database with the demo logins, a staff of teams for the caseload, and the
// data set. progress is told the journal items written so far, now and then.
Result<ScaleSummary> LoadAtScale(store::Database& db, const Settings& settings, Timestamp now, const Scale& scale,
                                 const ScaleOptions& options, const std::unordered_set<std::string>& common_passwords,
                                 const std::function<void(int64_t)>& progress = {});

}  // namespace casework::demo
