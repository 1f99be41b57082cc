#include "store/audit_head_cache.h"

#include <gtest/gtest.h>

namespace casework::store {
namespace {

TEST(AuditHeadCache, KnowsNothingAtFirst) { EXPECT_FALSE(AuditHeadCache().known()); }

TEST(AuditHeadCache, ARolledBackSavepointPutsBackTheHeadItFound) {
  AuditHeadCache cache;
  cache.Began();
  cache.Moved({1, "a"});
  cache.SavepointSet();
  cache.Moved({2, "b"});
  cache.RolledBackToSavepoint();
  ASSERT_TRUE(cache.known());
  EXPECT_EQ(cache.known()->seq, 1);
  EXPECT_EQ(cache.known()->hash, "a");
}

TEST(AuditHeadCache, ARolledBackTransactionPutsBackTheCommittedHead) {
  AuditHeadCache cache;
  cache.Began();
  cache.Moved({1, "a"});  // committed
  cache.Began();
  cache.Moved({2, "b"});
  cache.SavepointSet();
  cache.Moved({3, "c"});
  cache.RolledBack();
  ASSERT_TRUE(cache.known());
  EXPECT_EQ(cache.known()->seq, 1);
}

TEST(AuditHeadCache, AHeadLearntInsideARolledBackTransactionIsNotKept) {
  AuditHeadCache cache;
  cache.Began();
  cache.Moved({7, "g"});
  cache.RolledBack();
  EXPECT_FALSE(cache.known());
}

TEST(AuditHeadCache, AfterAFailureNothingIsKnownEvenIfASavepointIsRolledBack) {
  AuditHeadCache cache;
  cache.Began();
  cache.Moved({1, "a"});
  cache.SavepointSet();
  cache.Forget();
  cache.RolledBackToSavepoint();
  EXPECT_FALSE(cache.known());
  cache.RolledBack();
  EXPECT_FALSE(cache.known());
}

// GOV-06: lines appended without moving the head's row are owed a move, from where the row
// stands to the last line; a savepoint rolled back puts back both what was owed and where the
// row stood, and a rolled back transaction owes nothing.
TEST(AuditHeadCache, GOV06_LinesAppendedOweTheRowAMoveFromWhereItStands) {
  AuditHeadCache cache;
  cache.Began();
  cache.Moved({1, "a"});  // the row moved with the line
  EXPECT_FALSE(cache.Unstored());
  cache.Appended({2, "b"});
  cache.Appended({3, "c"});
  ASSERT_TRUE(cache.Unstored());
  EXPECT_EQ(cache.Unstored()->first.seq, 1);
  EXPECT_EQ(cache.Unstored()->second.seq, 3);
  EXPECT_EQ(cache.known()->seq, 3);
  cache.Stored();
  EXPECT_FALSE(cache.Unstored());
  cache.SavepointSet();
  cache.Appended({4, "d"});
  cache.RolledBackToSavepoint();
  EXPECT_FALSE(cache.Unstored());
  EXPECT_EQ(cache.known()->seq, 3);
  cache.Appended({4, "d2"});
  cache.RolledBack();
  EXPECT_FALSE(cache.Unstored());
  EXPECT_FALSE(cache.known());  // nothing was known when the transaction began
}

}  // namespace
}  // namespace casework::store
