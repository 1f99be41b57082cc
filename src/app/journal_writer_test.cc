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
          AppendItem(c, t.services(), sam, {"RECORD", "entry.case_note", std::nullopt, "", {{"text", "x"}}});
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

}  // namespace
}  // namespace casework::app
