#include "store/bulk_name_index.h"

#include <string>

#include "store/name_words_row.h"

namespace casework::store {

void BulkNameIndex::Finish() {
  // The words of a name are its folded key's words, which are separated by single spaces.
  // A word twice in one name gives one row. On SQLite the rows go in in the key's order, so
  // the table is written from its first page to its last, and a run of it lies together in
  // the file.
  c_.Exec("DELETE FROM person_name_words");
  if (c_.dialect() == Dialect::kSqlite) {
    c_.Exec(std::string("WITH RECURSIVE split(name_id, rest, word) AS ("
                        "SELECT id, name_key || ' ', NULL FROM person_names "
                        "UNION ALL SELECT name_id, substr(rest, instr(rest, ' ') + 1), "
                        "substr(rest, 1, instr(rest, ' ') - 1) FROM split WHERE rest <> '') "
                        "INSERT OR IGNORE") +
            kNameWordsInto + "SELECT s.word, " + kNameWordsRowSelect +
            " FROM split s JOIN person_names n ON n.id = s.name_id" + kNameWordsRowJoins +
            " WHERE s.word <> '' ORDER BY 1, 2, 3, 4, 5");
  } else {
    c_.Exec(std::string("INSERT") + kNameWordsInto + "SELECT w.word, " + kNameWordsRowSelect + " FROM person_names n" +
            kNameWordsRowJoins +
            " CROSS JOIN LATERAL regexp_split_to_table(n.name_key, ' ') AS w(word) WHERE w.word <> '' "
            "ON CONFLICT DO NOTHING");
  }
}

}  // namespace casework::store
