#include "core/journal_item.h"

#include <gtest/gtest.h>

namespace casework {
namespace {

JournalItem Item() {
  JournalItem i;
  i.record_id = "R";
  i.seq = 3;
  i.id = "I";
  i.kind = "entry.case_note";
  i.author_name = "Sam";
  i.body = "{\"text\":\"a;b\"}";
  i.prev_hash = "abc";
  return i;
}

// ENT-06: every stamped field is part of the encoding that is hashed, so changing any one of
// them changes the hash.
TEST(JournalItem, ENT06_EveryFieldChangesTheEncoding) {
  const std::string base = Item().CanonicalBytes();
  std::vector<std::function<void(JournalItem&)>> changes = {
      [](JournalItem& i) { i.record_id = "S"; },        [](JournalItem& i) { i.seq = 4; },
      [](JournalItem& i) { i.id = "J"; },               [](JournalItem& i) { i.kind = "entry.visit"; },
      [](JournalItem& i) { i.author_user_id = "u"; },   [](JournalItem& i) { i.author_name = "Sa"; },
      [](JournalItem& i) { i.author_post_title = "x"; },
      [](JournalItem& i) { i.recorded_at += std::chrono::microseconds{1}; },
      [](JournalItem& i) { i.occurred_at = Timestamp{}; }, [](JournalItem& i) { i.late = true; },
      [](JournalItem& i) { i.target_id = "T"; },        [](JournalItem& i) { i.body += " "; },
      [](JournalItem& i) { i.prev_hash = "abd"; },
  };
  for (size_t k = 0; k < changes.size(); ++k) {
    JournalItem i = Item();
    changes[k](i);
    EXPECT_NE(i.CanonicalBytes(), base) << "change " << k;
  }
}

// Length prefixes keep field boundaries unambiguous: moving text between fields changes it.
TEST(JournalItem, ENT06_FieldBoundariesAreUnambiguous) {
  JournalItem a = Item(), b = Item();
  a.author_name = "Sam";
  a.author_post_title = "Social Worker";
  b.author_name = "Sam;Social";
  b.author_post_title = " Worker";
  EXPECT_NE(a.CanonicalBytes(), b.CanonicalBytes());
}

}  // namespace
}  // namespace casework
