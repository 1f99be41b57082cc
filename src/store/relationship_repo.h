// Relationships between a child and the people around them.
#pragma once

#include <string>
#include <vector>

#include "core/relationship.h"
#include "store/database.h"

namespace casework::store {

class RelationshipRepo {
 public:
  explicit RelationshipRepo(Connection& c) : c_(c) {}

  void Insert(const Relationship& r, Timestamp at);
  // Relationships in which the person is either the child or the related person.
  std::vector<Relationship> Involving(const std::string& person_id);
  // Sends Involving's read ahead of it (Connection::Prefetch).
  void PrefetchInvolving(const std::string& person_id);
  bool Exists(const std::string& child_id, const std::string& related_person_id, RelationshipType type);

 private:
  Connection& c_;
};

}  // namespace casework::store
