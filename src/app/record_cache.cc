#include "app/record_cache.h"

#include <functional>

namespace casework::app {

RecordCache::RecordCache(size_t capacity) : per_shard_(capacity / kShards + 1) {}

RecordCache::Shard& RecordCache::ShardFor(const std::string& person_id) const {
  return shards_[std::hash<std::string>{}(person_id) % kShards];
}

std::shared_ptr<const RecordParts> RecordCache::Find(const std::string& person_id, int64_t version) const {
  Shard& shard = ShardFor(person_id);
  std::lock_guard lock(shard.mutex);
  auto found = shard.kept.find(person_id);
  if (found == shard.kept.end() || found->second.version != version) return nullptr;
  return found->second.parts;
}

void RecordCache::Keep(const std::string& person_id, int64_t version, std::shared_ptr<const RecordParts> parts) {
  Shard& shard = ShardFor(person_id);
  std::shared_ptr<const RecordParts> let_go;  // freed after the lock is released
  std::lock_guard lock(shard.mutex);
  auto found = shard.kept.find(person_id);
  if (found != shard.kept.end()) {
    // A reader on an older snapshot may finish after one on a newer: versions only grow.
    if (found->second.version > version) return;
    let_go = std::move(found->second.parts);
    found->second = {version, std::move(parts)};
    return;
  }
  if (shard.kept.size() >= per_shard_) {
    // Any one will do: a summary let go is assembled again when next opened.
    let_go = std::move(shard.kept.begin()->second.parts);
    shard.kept.erase(shard.kept.begin());
  }
  shard.kept.emplace(person_id, Kept{version, std::move(parts)});
}

}  // namespace casework::app
