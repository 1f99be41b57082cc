#include "http/recorded_item_text.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/domain_json.h"
#include "http/wire.h"

namespace casework::http {
namespace {

namespace json = boost::json;

// The answer as it was before it was written as text: the item's document from wire.h, with
// the acronyms, serialised.
std::string DocumentText(const JournalItem& item, const std::vector<std::string>& acronyms) {
  return json::serialize(json::object{{"item", JournalItemJson(item)},
                                      {"undefined_acronyms", json::array(acronyms.begin(), acronyms.end())}});
}

// Text of every kind a user can type, where a writer that forgot to escape would break the JSON.
const std::string kAwkward = "O'Brien \"Jo\" \\ back\nslash\t\x01 Zoë Дмитрий </script>";

Timestamp At(int seconds) { return Timestamp(std::chrono::microseconds(1'780'000'000'123'456LL + seconds * 1'000'000LL)); }

// An item as AppendItem makes it: its body serialised from the entry's document.
JournalItem CaseNote() {
  Entry e;
  e.type = EntryType::kCaseNote;
  e.occurred_at = At(-600);
  e.title = kAwkward;
  e.text = "Telephone call with the class teacher. " + kAwkward;
  e.source.first_hand = false;
  e.source.name = kAwkward;
  e.provided_by = ProvidedBy{"Ms \"Hill\"", kAwkward, ""};
  JournalItem item;
  item.record_id = "01M8MJQKVK4VYB83HWZ6WCMMB9";
  item.seq = 34;
  item.id = "01M8MJV1V5S1SDEQABW2PGA6DT";
  item.kind = "entry.case_note";
  item.author_user_id = "u-sam";
  item.author_name = "Sam " + kAwkward;
  item.author_post_title = kAwkward;
  item.recorded_at = At(0);
  item.occurred_at = e.occurred_at;
  item.body = app::EntryText(e);
  item.prev_hash = "ab12";
  item.hash = "eea4cc0d369abbbb4829b34b37182ffa3af7dc95a38cbb75eae175c2328307c2";
  return item;
}

// ENT-01: the recorded entry written as text is, byte for byte, the document it replaced.
TEST(RecordedItemText, ENT01_EveryFieldAsTheDocumentGaveIt) {
  JournalItem item = CaseNote();
  std::string text = RecordedItemText(item, {});
  EXPECT_EQ(text, DocumentText(item, {}));
  EXPECT_EQ(json::parse(text).at("item").at("body").at("title"), json::value(kAwkward));
}

// ENT-06: a correction names what it corrects. ENT-02: a late entry says so. And an item need
// not say when its event happened.
TEST(RecordedItemText, ENT06_ENT02_CorrectionLateEntryAndNoTimeOfEvent) {
  JournalItem item = CaseNote();
  item.target_id = "01M8MJV1V5S1SDEQABW2PGA6DX";
  item.late = true;
  EXPECT_EQ(RecordedItemText(item, {}), DocumentText(item, {}));
  item.occurred_at.reset();
  item.target_id.clear();
  item.body = "{}";
  EXPECT_EQ(RecordedItemText(item, {}), DocumentText(item, {}));
}

// ENT-09: the acronyms the author is asked to define come with the answer.
TEST(RecordedItemText, ENT09_AcronymsToDefine) {
  JournalItem item = CaseNote();
  std::vector<std::string> acronyms = {"CAMHS", "LADO", kAwkward};
  std::string text = RecordedItemText(item, acronyms);
  EXPECT_EQ(text, DocumentText(item, acronyms));
  EXPECT_EQ(json::parse(text).at("undefined_acronyms").as_array().size(), 3u);
}

}  // namespace
}  // namespace casework::http
