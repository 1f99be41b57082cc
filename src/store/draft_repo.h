// Users' unsaved form drafts (see schema 0004_drafts.sql).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace casework::store {

struct Draft {
  std::string key;        // chosen by the page, such as "entry-<record id>"
  std::string record_id;  // the child's record the draft is for, if any
  std::string content;    // the form's fields as a JSON object, kept as sent
  Timestamp updated_at{};
};

class DraftRepo {
 public:
  explicit DraftRepo(Connection& c) : c_(c) {}

  // Inserts the draft or replaces the user's draft with the same key.
  void Save(const std::string& user_id, const Draft& draft);
  std::optional<Draft> Get(const std::string& user_id, const std::string& key);
  // The user's drafts, most recently changed first.
  std::vector<Draft> List(const std::string& user_id);
  // False when there was no such draft.
  bool Delete(const std::string& user_id, const std::string& key);

 private:
  Connection& c_;
};

}  // namespace casework::store
