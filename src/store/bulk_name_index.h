// For loading many persons in one unit of work (casework demo --scale). In SQLite, triggers
// keep the full-text index of names (person_names_search) in step with person_names, and FTS5
// writes what it holds to disk at every statement that may have to be undone on its own: a
// name at a time, that became a tenth of a bulk load's work. BulkNameIndex takes the triggers
// away for the load and fills the index once at the end. It works inside the unit of work, so
// a load that fails leaves the triggers as they were. Over PostgreSQL, whose index is kept by
// the table itself, it does nothing.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace casework::store {

class BulkNameIndex {
 public:
  // Takes the triggers away.
  explicit BulkNameIndex(Connection& c);
  // Fills the index from every name, and puts the triggers back.
  void Finish();

 private:
  Connection& c_;
  std::vector<std::string> triggers_;  // the statements that made them
};

}  // namespace casework::store
