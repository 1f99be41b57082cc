// For loading many persons in one unit of work (casework demo --scale). Name search reads
// person_name_words, a row for every word of every name with what a result shows; written a
// person at a time as the load goes, its rows would be written several times each (a person's
// name, address, other names and record come one after another) and land all over the file.
// Instead the loader leaves them (NameWords::kByBulkIndex) and Finish writes them all at the
// end, in the table's order, inside the load's unit of work.
#pragma once

#include "store/database.h"

namespace casework::store {

class BulkNameIndex {
 public:
  explicit BulkNameIndex(Connection& c) : c_(c) {}
  // Writes every name's search rows.
  void Finish();

 private:
  Connection& c_;
};

}  // namespace casework::store
