#include "support/search_rows.h"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace casework::testing {
namespace {

std::string Field(const store::Cursor& r, int column) { return r.IsNull(column) ? "(null)" : r.String(column); }

// The distinct words of a name's words, sorted, as a name's other words are only ever looked
// for, not listed.
std::string WordSet(const std::string& words) {
  std::istringstream in(words);
  std::set<std::string> set;
  for (std::string w; in >> w;) set.insert(w);
  std::string out;
  for (const std::string& w : set) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

SearchRows ReadSearchRows(store::Database& db) {
  SearchRows out;
  Status st = db.Read([&](store::Connection& c) {
    out = {};
    std::map<std::string, std::string> postcodes;
    auto a = c.Query("SELECT person_id, postcode FROM addresses WHERE current = 1");
    while (a->Next()) postcodes[a->String(0)] = a->String(1);
    a.reset();
    // (word, display name, person, kind rank, name) -> the row's line
    std::map<std::tuple<std::string, std::string, std::string, int64_t, std::string>, std::string> expected;
    auto n = c.Query(
        "SELECT n.name_key, p.display_name, p.id, n.kind, n.id, n.given_names, n.family_name, p.date_of_birth, "
        "p.nhs_number, r.council_reference, p.unborn, r.restricted "
        "FROM person_names n JOIN persons p ON p.id = n.person_id LEFT JOIN case_records r ON r.person_id = p.id");
    while (n->Next()) {
      int64_t rank = n->Text(3) == "current" ? 0 : 1;
      auto postcode = postcodes.find(n->String(2));
      std::string rest = n->String(1) + "|" + n->String(2) + "|" + std::to_string(rank) + "|" + n->String(4) + "|" +
                         WordSet(n->String(0)) + "|" + n->String(5) + " " + n->String(6) + "|" + Field(*n, 7) + "|" +
                         Field(*n, 8) + "|" + Field(*n, 9) + "|" +
                         (postcode == postcodes.end() ? "(null)" : postcode->second) + "|" +
                         std::to_string(n->Int(10)) + "|" + std::to_string(n->IsNull(11) ? 0 : n->Int(11));
      std::istringstream words(n->String(0));
      for (std::string w; words >> w;) {
        expected[{w, n->String(1), n->String(2), rank, n->String(4)}] = w + "|" + rest;
      }
    }
    n.reset();
    for (auto& [key, line] : expected) out.expected.push_back(line);
    auto w = c.Query(
        "SELECT word, display_name, person_id, kind_rank, name_id, name_words, name, date_of_birth, nhs_number, "
        "council_reference, postcode, unborn, restricted FROM person_name_words "
        "ORDER BY word, display_name, person_id, kind_rank, name_id");
    while (w->Next()) {
      std::string line;
      for (int i = 0; i < 13; ++i) {
        line += (i ? "|" : "") + (i == 5              ? WordSet(w->String(i))
                                  : i == 3 || i >= 11 ? std::to_string(w->Int(i))
                                                      : Field(*w, i));
      }
      out.actual.push_back(line);
    }
    return Status::Ok();
  });
  if (!st.ok()) out.actual = {"cannot read: " + st.message()};
  return out;
}

}  // namespace casework::testing
