#include "store/postgres/pg_sql.h"

#include <gtest/gtest.h>

namespace casework::store {
namespace {

TEST(NumberPlaceholders, NumbersEachParameterInOrder) {
  EXPECT_EQ(NumberPlaceholders("SELECT a FROM t WHERE b = ? AND c IN (?, ?) LIMIT ?"),
            "SELECT a FROM t WHERE b = $1 AND c IN ($2, $3) LIMIT $4");
}

TEST(NumberPlaceholders, LeavesQuestionMarksInTextNamesAndCommentsAlone) {
  EXPECT_EQ(NumberPlaceholders("SELECT '?', 'it''s ?', \"odd?name\" FROM t -- why?\nWHERE x = ?"),
            "SELECT '?', 'it''s ?', \"odd?name\" FROM t -- why?\nWHERE x = $1");
}

TEST(NumberPlaceholders, NoParametersNoChange) { EXPECT_EQ(NumberPlaceholders("SELECT 1"), "SELECT 1"); }

}  // namespace
}  // namespace casework::store
