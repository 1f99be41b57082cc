// What name search's table (person_name_words) should hold, worked out here from the
// persons, their names, addresses and case records alone, beside what it does hold: for tests
// that the repositories and the bulk loader keep it in step with every write.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace casework::testing {

struct SearchRows {
  std::vector<std::string> expected;  // a line of text a row, in the table's order
  std::vector<std::string> actual;
};

SearchRows ReadSearchRows(store::Database& db);

}  // namespace casework::testing
