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

// ENT-06: the encoding is what every item in every journal was hashed over; `casework verify`
// recomputes it, so it must not change by a byte.
TEST(JournalItem, ENT06_TheEncodingIsTheOneEveryChainWasHashedOver) {
  JournalItem i;
  i.record_id = "01M8MJQKVK4VYB83HWZ6WCMMB9";
  i.seq = 1234567;
  i.id = "01M8MJV1V5S1SDEQABW2PGA6DT";
  i.kind = "entry.case_note";
  i.author_user_id = "u-sam";
  i.author_name = "Sam Okafor";
  i.author_post_title = "Social Worker; Zoë";
  i.recorded_at = Timestamp(std::chrono::microseconds(1'780'000'000'123'456));
  i.occurred_at = Timestamp(std::chrono::microseconds(1'779'999'400'000'000));
  i.late = true;
  i.target_id = "01M8MJQKVK4VYB83HWZ6WCMMB0";
  i.body = "{\"text\":\"a;b\"}";
  i.prev_hash = std::string(64, 'a');
  i.hash = "not part of it";
  EXPECT_EQ(i.CanonicalBytes(),
            "casework-journal-1;26:01M8MJQKVK4VYB83HWZ6WCMMB9;7:1234567;26:01M8MJV1V5S1SDEQABW2PGA6DT;"
            "15:entry.case_note;5:u-sam;10:Sam Okafor;19:Social Worker; Zoë;27:2026-05-28T20:26:40.123456Z;"
            "27:2026-05-28T20:16:40.000000Z;1:1;26:01M8MJQKVK4VYB83HWZ6WCMMB0;14:{\"text\":\"a;b\"};64:" +
                std::string(64, 'a') + ";");
  EXPECT_EQ(JournalItem().CanonicalBytes(),
            "casework-journal-1;0:;1:0;0:;0:;0:;0:;0:;27:1970-01-01T00:00:00.000000Z;0:;1:0;0:;0:;0:;");
}

}  // namespace
}  // namespace casework
