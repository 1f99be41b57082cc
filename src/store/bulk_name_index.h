// For loading many persons in one unit of work (casework demo --scale). Name search reads
// person_name_words, a row for every word of every name with what a result shows; written a
// person at a time as the load goes, its rows would be written several times each (a person's
// name, address, other names and record come one after another) and land all over the file.
// Instead the loader leaves them (NameWords::kByBulkIndex) and Finish writes them all at the
// end, in the table's order. In SQLite, triggers keep the full-text index of names
// (person_names_search) in step with person_names, and FTS5 writes what it holds to disk at
// every statement that may have to be undone on its own: a name at a time, that became a
// tenth of a bulk load's work. BulkNameIndex takes those triggers away for the load and fills
// the index once at the end. It works inside the unit of work, so a load that fails leaves
// the triggers as they were.
#pragma once

#include <string>
#include <vector>

#include "store/database.h"

namespace casework::store {

class BulkNameIndex {
 public:
  // Takes the triggers away.
  explicit BulkNameIndex(Connection& c);
  // Writes every name's search rows and fills the full-text index from every name, and puts
  // the triggers back.
  void Finish();

 private:
  Connection& c_;
  std::vector<std::string> triggers_;  // the statements that made them
};

}  // namespace casework::store
