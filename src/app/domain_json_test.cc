#include "app/domain_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace casework::app {
namespace {

namespace json = boost::json;

// Text of every kind a user can type, where a writer that forgot to escape would break the JSON.
const std::string kAwkward = "O'Brien \"Jo\" \\ back\nslash\t\x01\x1f\x7f Zoë Дмитрий </script>";

Timestamp At(int64_t micros) { return Timestamp(std::chrono::microseconds(micros)); }

Entry CaseNote() {
  Entry e;
  e.type = EntryType::kCaseNote;
  e.occurred_at = At(1'780'000'000'123'456);
  e.text = "Telephone call with the class teacher. " + kAwkward;
  e.classification = Classification::kOpinion;
  return e;
}

Entry ThirdPartyCaseNote() {
  Entry e = CaseNote();
  e.title = kAwkward;
  e.significant = true;
  e.source = {false, "Ms \"Hill\"", kAwkward};
  e.provided_by = ProvidedBy{kAwkward, "School nurse", "01M8MJV1V5S1SDEQABW2PGA6DT"};
  return e;
}

Entry Contact() {
  Entry e = CaseNote();
  e.type = EntryType::kContact;
  e.occurred_at = At(0);
  e.classification = Classification::kFact;
  ContactDetails& c = e.contact.emplace();
  c.method = ContactMethod::kVideoCall;
  c.participants = {{"Jo Smith", "mother", ""}, {kAwkward, "class teacher", "St Anne's \"Primary\""}};
  c.decisions = kAwkward;
  c.actions = {{"Ring the school", "Sam", Date(date::year{2026} / 12 / 3)},
               {kAwkward, kAwkward, Date(date::year{2027} / 1 / 31)}};
  return e;
}

Entry ContactWithNoOne() {
  Entry e = Contact();
  e.contact->participants.clear();
  e.contact->actions.clear();
  e.contact->decisions.clear();
  return e;
}

Entry Visit(bool seen) {
  Entry e = CaseNote();
  e.type = EntryType::kVisit;
  e.wishes_and_feelings = seen ? "Said she likes her new school. " + kAwkward : "";
  e.wishes_not_obtained_reason = seen ? "" : kAwkward;
  VisitDetails& v = e.visit.emplace();
  v.child_seen = seen;
  v.seen_alone = false;
  v.not_seen_reason = seen ? "" : "Away at her grandmother's";
  v.not_seen_alone_reason = seen ? kAwkward : "";
  return e;
}

Entry Decision() {
  Entry e = CaseNote();
  e.type = EntryType::kDecision;
  e.classification = Classification::kDecision;
  e.wishes_and_feelings = kAwkward;
  DecisionDetails& d = e.decision.emplace();
  d.decided_by = "Maureen Clarke";
  d.decided_by_post_title = kAwkward;
  d.reasons = kAwkward;
  d.review_date = Date(date::year{2027} / 2 / 28);
  return e;
}

Entry Correction() {
  Entry e = ThirdPartyCaseNote();
  e.corrects_id = "01M8MJQKVK4VYB83HWZ6WCMMB9";
  e.correction_reason = kAwkward;
  return e;
}

std::vector<Entry> EveryShape() {
  return {CaseNote(), ThirdPartyCaseNote(), Contact(), ContactWithNoOne(), Visit(true), Visit(false), Decision(),
          Correction()};
}

// The bodies the entries' documents gave (json::serialize of the document EntryText replaced),
// with @ for kAwkward as the document escaped it. Journal bodies are hashed into the chain, so
// an entry recorded now must store what it stored then.
std::vector<std::string> Golden() {
  const std::string awkward_json = R"(O'Brien \"Jo\" \\ back\nslash\t\u0001\u001f)" "\x7f" " Zoë Дмитрий </script>";
  std::vector<std::string> out = {
      R"({"type":"case_note","occurred_at":"2026-05-28T20:26:40.123456Z","title":"","text":"Telephone call with the class teacher. @","classification":"opinion","source":{"first_hand":true,"name":"","relationship":""},"significant":false})",
      R"({"type":"case_note","occurred_at":"2026-05-28T20:26:40.123456Z","title":"@","text":"Telephone call with the class teacher. @","classification":"opinion","source":{"first_hand":false,"name":"Ms \"Hill\"","relationship":"@"},"provided_by":{"name":"@","post_title":"School nurse","user_id":"01M8MJV1V5S1SDEQABW2PGA6DT"},"significant":true})",
      R"({"type":"contact","occurred_at":"1970-01-01T00:00:00.000000Z","title":"","text":"Telephone call with the class teacher. @","classification":"fact","source":{"first_hand":true,"name":"","relationship":""},"significant":false,"contact":{"method":"video_call","participants":[{"name":"Jo Smith","role":"mother","agency":""},{"name":"@","role":"class teacher","agency":"St Anne's \"Primary\""}],"decisions":"@","actions":[{"description":"Ring the school","responsible":"Sam","due":"2026-12-03"},{"description":"@","responsible":"@","due":"2027-01-31"}]}})",
      R"({"type":"contact","occurred_at":"1970-01-01T00:00:00.000000Z","title":"","text":"Telephone call with the class teacher. @","classification":"fact","source":{"first_hand":true,"name":"","relationship":""},"significant":false,"contact":{"method":"video_call","participants":[],"decisions":"","actions":[]}})",
      R"({"type":"visit","occurred_at":"2026-05-28T20:26:40.123456Z","title":"","text":"Telephone call with the class teacher. @","classification":"opinion","source":{"first_hand":true,"name":"","relationship":""},"significant":false,"wishes_and_feelings":"Said she likes her new school. @","wishes_not_obtained_reason":"","visit":{"child_seen":true,"seen_alone":false,"not_seen_reason":"","not_seen_alone_reason":"@"}})",
      R"({"type":"visit","occurred_at":"2026-05-28T20:26:40.123456Z","title":"","text":"Telephone call with the class teacher. @","classification":"opinion","source":{"first_hand":true,"name":"","relationship":""},"significant":false,"wishes_and_feelings":"","wishes_not_obtained_reason":"@","visit":{"child_seen":false,"seen_alone":false,"not_seen_reason":"Away at her grandmother's","not_seen_alone_reason":""}})",
      R"({"type":"decision","occurred_at":"2026-05-28T20:26:40.123456Z","title":"","text":"Telephone call with the class teacher. @","classification":"decision","source":{"first_hand":true,"name":"","relationship":""},"significant":false,"wishes_and_feelings":"@","wishes_not_obtained_reason":"","decision":{"decided_by":"Maureen Clarke","decided_by_post_title":"@","reasons":"@","review_date":"2027-02-28"}})",
      R"({"type":"case_note","occurred_at":"2026-05-28T20:26:40.123456Z","title":"@","text":"Telephone call with the class teacher. @","classification":"opinion","source":{"first_hand":false,"name":"Ms \"Hill\"","relationship":"@"},"provided_by":{"name":"@","post_title":"School nurse","user_id":"01M8MJV1V5S1SDEQABW2PGA6DT"},"significant":true,"corrects":"01M8MJQKVK4VYB83HWZ6WCMMB9","correction_reason":"@"})",
  };
  for (std::string& text : out) {
    for (size_t at = text.find('@'); at != std::string::npos; at = text.find('@', at + awkward_json.size())) {
      text.replace(at, 1, awkward_json);
    }
  }
  return out;
}

// ENT-01, ENT-03, ENT-07, ENT-08: every shape of entry is stored byte for byte as before.
TEST(EntryText, ENT01_StoresTheBytesTheEntrysDocumentGave) {
  std::vector<Entry> entries = EveryShape();
  std::vector<std::string> golden = Golden();
  ASSERT_EQ(entries.size(), golden.size());
  for (size_t i = 0; i < entries.size(); ++i) EXPECT_EQ(EntryText(entries[i]), golden[i]) << i;
}

// ENT-01: the text is JSON as Boost.JSON writes it (no spaces, the same escapes), with the
// entry's own values in it.
TEST(EntryText, ENT01_IsTheJsonBoostWritesOfItsOwnDocument) {
  for (const Entry& e : EveryShape()) {
    std::string text = EntryText(e);
    json::value parsed = json::parse(text);
    EXPECT_EQ(json::serialize(parsed), text);
    EXPECT_EQ(parsed.at("text"), json::value(e.text));
    EXPECT_EQ(parsed.at("occurred_at"), json::value(FormatTimestamp(e.occurred_at)));
  }
}

}  // namespace
}  // namespace casework::app
