#include "app/journal_writer.h"

#include <gtest/gtest.h>

#include <thread>

#include "app/verify.h"
#include "store/journal_repo.h"
#include "support/test_services.h"

namespace casework::app {
namespace {

// ENT-01, ENT-06: writers to the same record at the same moment get gap-free sequence
// numbers and an unbroken hash chain.
TEST(JournalWriter, ENT01_ConcurrentAppendsAreGapFreeAndChained) {
  testing::TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  constexpr int kThreads = 8, kEach = 20;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      for (int j = 0; j < kEach; ++j) {
        Status s = t.db().Write([&](store::Connection& c) {
          AppendItem(c, t.services(), sam, {"RECORD", "entry.case_note", std::nullopt, "", boost::json::object{{"text", "x"}}});
          return Status::Ok();
        });
        ASSERT_TRUE(s.ok());
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<int64_t> seqs;
  t.db().Read([&](store::Connection& c) {
    store::JournalRepo(c).ForEach("RECORD", [&](const JournalItem& i) {
      seqs.push_back(i.seq);
      return true;
    });
    return Status::Ok();
  });
  ASSERT_EQ(seqs.size(), static_cast<size_t>(kThreads * kEach));
  for (size_t i = 0; i < seqs.size(); ++i) EXPECT_EQ(seqs[i], static_cast<int64_t>(i + 1));
  EXPECT_TRUE(VerifyAll(t.services())->breaks.empty());
}

// ENT-01: a body is stored and hashed as the text it is given, written as text or serialised
// from a document, and the chain verifies either way.
TEST(JournalWriter, ENT01_BodiesAreStoredAsTheirText) {
  testing::TestServices t;
  Actor sam = t.AddActor("sam", Role::kPractitioner);
  const std::string text = R"({"text":"Said \"no\"\n","significant":false})";
  JournalItem from_text, from_document;
  ASSERT_TRUE(t.db().Write([&](store::Connection& c) {
    from_text = AppendItem(c, t.services(), sam, {"RECORD", "entry.case_note", std::nullopt, "", ItemBody::Text(text)});
    from_document = AppendItem(c, t.services(), sam,
                               {"RECORD", "entry.case_note", std::nullopt, "",
                                boost::json::object{{"text", "Said \"no\"\n"}, {"significant", false}}});
    return Status::Ok();
  }).ok());
  EXPECT_EQ(from_text.body, text);
  EXPECT_EQ(from_document.body, text);
  std::vector<std::string> stored;
  t.db().Read([&](store::Connection& c) {
    store::JournalRepo(c).ForEach("RECORD", [&](const JournalItem& i) {
      stored.push_back(i.body);
      return true;
    });
    return Status::Ok();
  });
  EXPECT_EQ(stored, (std::vector<std::string>{text, text}));
  EXPECT_TRUE(VerifyAll(t.services())->breaks.empty());
}

}  // namespace
}  // namespace casework::app
