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

}  // namespace
}  // namespace casework::store
