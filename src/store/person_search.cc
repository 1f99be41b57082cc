// Person search (REC-04): the first page of people whose names match, in display order,
// read from person_name_words so that its cost follows the page, not the number of matches.
#include <algorithm>
#include <deque>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "store/person_repo.h"
#include "store/person_summary_row.h"
#include "store/record_access_repo.h"
#include "store/row.h"

namespace casework::store {
namespace {

// Sorts after every character a word can hold, so [w, w + kAfterAll) holds exactly the words
// that begin with w. (U+10FFFF: valid text in both databases, and above any letter.)
constexpr char kAfterAll[] = "\xF4\x8F\xBF\xBF";
// A prefix that begins more whole words than this ("a") is answered by sorting all its
// matches: merging that many ordered runs would cost more.
constexpr size_t kMaxMergedWords = 32;
// Summaries are read for this many names at a time; the list is padded to it, so the
// statement is always the same one.
constexpr size_t kSummaryChunk = 50;

// The distinct words of a folded name, in order.
std::vector<std::string> Words(const std::string& folded) {
  std::istringstream in(folded);
  std::vector<std::string> words;
  for (std::string word; in >> word;) {
    if (std::find(words.begin(), words.end(), word) == words.end()) words.push_back(word);
  }
  return words;
}

// One matching name, in display order: the person's display name, then the person, then
// the name in use before earlier names and aliases.
struct Hit {
  std::string display_name;
  std::string person_id;
  int64_t kind_rank;
  std::string name_id;
  bool operator<(const Hit& o) const {
    return std::tie(display_name, person_id, kind_rank, name_id) <
           std::tie(o.display_name, o.person_id, o.kind_rank, o.name_id);
  }
};

// The conditions on a matching word's row w besides the word itself, with the text their
// parameters view kept alive.
struct Conditions {
  std::string sql;
  std::vector<Value> params;
  std::deque<std::string> texts;

  void Add(const std::string& condition, std::initializer_list<std::string> values) {
    sql += condition;
    for (const std::string& v : values) params.push_back(std::string_view(texts.emplace_back(v)));
  }
};

}  // namespace

void PersonRepo::IndexNameWords(const std::string& person_id) {
  c_.Exec("DELETE FROM person_name_words WHERE name_id IN (SELECT id FROM person_names WHERE person_id = ?)",
          {std::string_view(person_id)});
  std::vector<Hit> names;
  std::vector<std::string> keys;
  {
    auto rows = c_.Query(
        "SELECT p.display_name, p.id, CASE n.kind WHEN 'current' THEN 0 ELSE 1 END, n.id, n.name_key "
        "FROM person_names n JOIN persons p ON p.id = n.person_id WHERE n.person_id = ?",
        {std::string_view(person_id)});
    while (rows->Next()) {
      names.push_back({rows->String(0), rows->String(1), rows->Int(2), rows->String(3)});
      keys.push_back(rows->String(4));
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    const Hit& n = names[i];
    for (const std::string& word : Words(keys[i])) {
      c_.Exec("INSERT INTO person_name_words (word, display_name, person_id, kind_rank, name_id) VALUES (?, ?, ?, ?, ?)",
              {std::string_view(word), std::string_view(n.display_name), std::string_view(n.person_id), n.kind_rank,
               std::string_view(n.name_id)});
    }
  }
}

// The longest word leads, as the likeliest to be rare; each whole word it begins gives a run
// of rows already in display order (the table's key), of which only the first page is read;
// the runs are merged here. The other words, and the date of birth, NHS number and council
// reference, are conditions on each row read.
std::vector<std::string> PersonRepo::NameHits(const PersonQuery& q, size_t wanted) {
  std::vector<std::string> words = Words(FoldName(q.name));
  size_t lead = 0;
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i].size() > words[lead].size()) lead = i;
  }
  Conditions where;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i == lead) continue;
    where.Add(" AND EXISTS (SELECT 1 FROM person_name_words o WHERE o.name_id = w.name_id AND o.word >= ? AND o.word < ?)",
              {words[i], words[i] + kAfterAll});
  }
  auto dob = DateText(q.date_of_birth);
  if (dob) where.Add(" AND EXISTS (SELECT 1 FROM persons p WHERE p.id = w.person_id AND p.date_of_birth = ?)", {*dob});
  if (!q.nhs_number.empty()) {
    where.Add(" AND EXISTS (SELECT 1 FROM persons p WHERE p.id = w.person_id AND p.nhs_number = ?)", {q.nhs_number});
  }
  if (!q.council_reference.empty()) {
    where.Add(" AND EXISTS (SELECT 1 FROM case_records r WHERE r.person_id = w.person_id AND r.council_reference = ?)",
              {q.council_reference});
  }

  const std::string& prefix = words[lead];
  const std::string end = prefix + kAfterAll;
  // The whole words the prefix begins, each one step along the table's key from the last.
  std::vector<std::string> whole;
  while (whole.size() <= kMaxMergedWords) {
    auto rows = whole.empty() ? c_.Query("SELECT word FROM person_name_words WHERE word >= ? AND word < ? "
                                         "ORDER BY word LIMIT 1",
                                         {std::string_view(prefix), std::string_view(end)})
                              : c_.Query("SELECT word FROM person_name_words WHERE word > ? AND word < ? "
                                         "ORDER BY word LIMIT 1",
                                         {std::string_view(whole.back()), std::string_view(end)});
    if (!rows->Next()) break;
    whole.push_back(rows->String(0));
  }

  std::vector<Hit> hits;
  auto read = [&](const std::string& sql, Value word_from, std::optional<Value> word_to) {
    std::vector<Value> params{word_from};
    if (word_to) params.push_back(*word_to);
    params.insert(params.end(), where.params.begin(), where.params.end());
    params.push_back(static_cast<int64_t>(wanted));
    auto rows = c_.QueryValues(sql, params);
    while (rows->Next()) hits.push_back({rows->String(0), rows->String(1), rows->Int(2), rows->String(3)});
  };
  constexpr char kOrder[] = " ORDER BY w.display_name, w.person_id, w.kind_rank, w.name_id LIMIT ?";
  if (whole.size() > kMaxMergedWords) {
    read("SELECT DISTINCT w.display_name, w.person_id, w.kind_rank, w.name_id FROM person_name_words w "
         "WHERE w.word >= ? AND w.word < ?" + where.sql + kOrder,
         std::string_view(prefix), std::string_view(end));
  } else {
    std::string sql = "SELECT w.display_name, w.person_id, w.kind_rank, w.name_id FROM person_name_words w "
                      "WHERE w.word = ?" + where.sql + kOrder;
    for (const std::string& word : whole) read(sql, std::string_view(word), std::nullopt);
  }
  std::sort(hits.begin(), hits.end());
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  for (Hit& h : hits) {
    if (out.size() == wanted) break;
    if (seen.insert(h.name_id).second) out.push_back(std::move(h.name_id));
  }
  return out;
}

std::vector<std::string> PersonRepo::HitsWithoutName(const PersonQuery& q, size_t wanted) {
  std::string sql = "SELECT n.id FROM person_names n JOIN persons p ON p.id = n.person_id";
  if (!q.council_reference.empty()) sql += " JOIN case_records r ON r.person_id = p.id";
  sql += " WHERE n.kind = 'current'";
  std::vector<Value> params;
  auto dob = DateText(q.date_of_birth);
  if (dob) {
    sql += " AND p.date_of_birth = ?";
    params.push_back(std::string_view(*dob));
  }
  if (!q.nhs_number.empty()) {
    sql += " AND p.nhs_number = ?";
    params.push_back(std::string_view(q.nhs_number));
  }
  if (!q.council_reference.empty()) {
    sql += " AND r.council_reference = ?";
    params.push_back(std::string_view(q.council_reference));
  }
  sql += " ORDER BY p.display_name, p.id LIMIT ?";
  params.push_back(static_cast<int64_t>(wanted));
  std::vector<std::string> out;
  auto rows = c_.QueryValues(sql, params);
  while (rows->Next()) out.push_back(rows->String(0));
  return out;
}

std::vector<PersonSummary> PersonRepo::Search(const PersonQuery& q, size_t* withheld) {
  // A person may match by several names, and some may be withheld, so more names than the
  // page are found; their summaries are read only as far as the page needs.
  size_t wanted = static_cast<size_t>(q.limit) * 4;
  std::vector<std::string> hits =
      Words(FoldName(q.name)).empty() ? HitsWithoutName(q, wanted) : NameHits(q, wanted);

  // visible is 0 for a restricted record that does not name the viewer.
  std::string visible =
      q.viewer_user_id.empty() ? "1" : "CASE WHEN " + ListableToViewerSql("r", "p.id") + " THEN 1 ELSE 0 END";
  std::string sql = std::string(kSummarySelect) + ", n.given_names || ' ' || n.family_name, n.kind, n.id, " + visible +
                    " FROM person_names n JOIN persons p ON p.id = n.person_id" + kSummaryJoins + " WHERE n.id IN (?";
  for (size_t i = 1; i < kSummaryChunk; ++i) sql += ", ?";
  sql += ")";

  struct Found {
    PersonSummary summary;
    std::string name;
    bool current;
    bool visible;
  };
  std::vector<PersonSummary> out;
  std::unordered_set<std::string> seen;
  for (size_t from = 0; from < hits.size() && static_cast<int>(out.size()) < q.limit; from += kSummaryChunk) {
    size_t to = std::min(hits.size(), from + kSummaryChunk);
    std::vector<Value> params;
    if (!q.viewer_user_id.empty()) params.push_back(std::string_view(q.viewer_user_id));
    for (size_t i = 0; i < kSummaryChunk; ++i) params.push_back(std::string_view(hits[std::min(from + i, to - 1)]));
    std::unordered_map<std::string, Found> found;
    auto rows = c_.QueryValues(sql, params);
    while (rows->Next()) {
      found[rows->String(kSummaryColumns + 2)] = {SummaryAt(*rows), rows->String(kSummaryColumns),
                                                  rows->Text(kSummaryColumns + 1) == "current",
                                                  rows->Bool(kSummaryColumns + 3)};
    }
    for (size_t i = from; i < to && static_cast<int>(out.size()) < q.limit; ++i) {
      auto f = found.find(hits[i]);
      if (f == found.end() || !seen.insert(f->second.summary.id).second) continue;
      if (!f->second.visible) {
        if (withheld) ++*withheld;
        continue;
      }
      if (!f->second.current) f->second.summary.matched_name = f->second.name;
      out.push_back(std::move(f->second.summary));
    }
  }
  return out;
}

}  // namespace casework::store
