// Record summaries as assembled from the database, kept so that opening a record again need
// not run the score of queries that assembling it takes.
//
// What is kept is only what the database held: each person's details, addresses, other names,
// relationships with their relatives' summaries, and open clocks, as one snapshot saw them,
// with the person's record version in that snapshot (store/record_version_repo.h). Triggers in
// the database move the version with every committed change to any of that, whoever makes it,
// so a kept summary is used only when the snapshot being read holds the same version: it is
// then exactly what assembling it again would give. Nothing else is kept: who may open the
// record is decided on every request, the case record (allocation, restriction) and the
// allocated worker and team are read each time, what a partner may see is applied each time,
// and reminders and alerts are worked out from the clocks against today, each time.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/person.h"
#include "core/record_clock.h"
#include "core/relationship.h"

namespace casework::app {

struct RelationshipView {
  Relationship relationship;
  PersonSummary other;  // the person at the other end from the record being viewed
};

// The parts a summary's answer shows as they stand, written as its JSON text
// (http/person_record_text.h), whoever is viewing: the person's own fields, the addresses and
// other names, and the family (left out, not changed, for a partner).
struct RecordPartsText {
  std::string person;
  std::string addresses_and_names;
  std::string relationships;
};

// What a record summary shows that is stored with the person.
struct RecordParts {
  Person person;
  std::vector<Address> addresses;  // current first, then earlier ones
  std::vector<OtherName> other_names;
  std::vector<RelationshipView> relationships;  // all of them: a partner is shown none
  std::vector<RecordClock> open_clocks;

  // The parts' text, written by the first caller and kept with the parts, so that a kept
  // summary's many small strings are not read and escaped again for every request.
  template <class Write>
  const RecordPartsText& Text(const Write& write) const {
    std::call_once(text_written_, [&] { text_ = write(*this); });
    return text_;
  }

 private:
  mutable std::once_flag text_written_;
  mutable RecordPartsText text_;
};

class RecordCache {
 public:
  // At most about this many summaries are kept; past it, some are let go.
  explicit RecordCache(size_t capacity = 8192);

  // The summary kept for the person at exactly this version, or null.
  std::shared_ptr<const RecordParts> Find(const std::string& person_id, int64_t version) const;
  // Keeps a summary assembled in a snapshot holding this version, unless a later one is kept.
  void Keep(const std::string& person_id, int64_t version, std::shared_ptr<const RecordParts> parts);

 private:
  struct Kept {
    int64_t version = 0;
    std::shared_ptr<const RecordParts> parts;
  };
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, Kept> kept;
  };
  static constexpr size_t kShards = 16;  // so that 32 workers seldom wait on one another

  Shard& ShardFor(const std::string& person_id) const;

  size_t per_shard_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace casework::app
