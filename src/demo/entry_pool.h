// Entries written once and reused with each child's names and dates, so the scale loader
// can write millions of realistic entry bodies without composing each one afresh.
#pragma once

#include <string>
#include <vector>

#include "core/entry.h"
#include "demo/demo_random.h"

namespace casework::demo {

struct PooledEntry {
  EntryType type;
  bool significant = false;
  bool has_review = false;  // a decision, whose review date is filled in
  bool has_action = false;  // a contact with an agreed action, whose due date is filled in
  std::string summary;      // the title or the start of the text, for lists and the chronology
  std::string agency;       // another agency the information came from, if any
  std::string body;         // JSON, with placeholders for names and dates
};

class EntryPool {
 public:
  // size entries of each type, as stories.h writes them.
  EntryPool(Rng& rng, int size);

  // One of the entries of this type.
  const PooledEntry& Pick(Rng& rng, EntryType type) const;

  // The body with the child's and mother's given names, the worker's name and the dates.
  static std::string Fill(const PooledEntry& entry, const std::string& child, const std::string& mother,
                          const std::string& worker, const std::string& occurred_at, const std::string& due_date);
  // The summary with the child's and mother's names.
  static std::string Summary(const PooledEntry& entry, const std::string& child, const std::string& mother);

 private:
  std::vector<std::vector<PooledEntry>> by_type_;
};

}  // namespace casework::demo
