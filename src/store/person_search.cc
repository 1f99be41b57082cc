// Person search (REC-04): the first page of people whose names match, in display order,
// read from person_name_words so that its cost follows the page, not the number of matches.
#include <algorithm>
#include <deque>
#include <functional>
#include <memory>
#include <sstream>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "store/name_words_row.h"
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
  if (words_ == NameWords::kByBulkIndex) return;
  c_.Exec("DELETE FROM person_name_words WHERE person_id = ?", {std::string_view(person_id)});
  struct Name {
    std::string display_name, person_id, name_id, key, name;
    int64_t kind_rank, unborn, restricted;
    std::optional<std::string> date_of_birth, nhs_number, council_reference, postcode;
  };
  auto optional = [](const Cursor& r, int column) {
    return r.IsNull(column) ? std::nullopt : std::optional<std::string>(r.String(column));
  };
  auto value = [](const std::optional<std::string>& text) { return text ? Value{std::string_view(*text)} : Value{}; };
  std::vector<Name> names;
  {
    auto rows = c_.Query(std::string("SELECT ") + kNameWordsRowSelect + " FROM person_names n" + kNameWordsRowJoins +
                             " WHERE n.person_id = ?",
                         {std::string_view(person_id)});
    while (rows->Next()) {
      names.push_back({rows->String(0), rows->String(1), rows->String(3), rows->String(4), rows->String(5),
                       rows->Int(2), rows->Int(10), rows->Int(11), optional(*rows, 6), optional(*rows, 7),
                       optional(*rows, 8), optional(*rows, 9)});
    }
  }
  for (const Name& n : names) {
    std::vector<std::string> words = Words(n.key);
    std::string all;
    for (const std::string& word : words) all += (all.empty() ? "" : " ") + word;
    for (const std::string& word : words) {
      c_.Exec(std::string("INSERT") + kNameWordsInto + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {std::string_view(word), std::string_view(n.display_name), std::string_view(n.person_id), n.kind_rank,
           std::string_view(n.name_id), std::string_view(all), std::string_view(n.name), value(n.date_of_birth),
           value(n.nhs_number), value(n.council_reference), value(n.postcode), n.unborn, n.restricted});
    }
  }
}

// The longest word leads, as the likeliest to be rare; each whole word it begins gives a run
// of rows already in display order (the table's key), of which only the first page is read;
// the runs are merged here. The other words, and the date of birth, NHS number and council
// reference, are conditions on each row read, whose columns hold them: a search reads this
// table's run and nothing else, unless a record is restricted.
void PersonRepo::NameHits(const PersonQuery& q, size_t wanted, const std::function<bool(SearchRow&)>& take) {
  std::vector<std::string> words = Words(FoldName(q.name));
  size_t lead = 0;
  for (size_t i = 1; i < words.size(); ++i) {
    if (words[i].size() > words[lead].size()) lead = i;
  }
  // Whether a word of the row's name begins with the parameter.
  const char* has_word = c_.dialect() == Dialect::kSqlite ? " AND instr(' ' || w.name_words, ' ' || ?) > 0"
                                                          : " AND strpos(' ' || w.name_words, ' ' || ?) > 0";
  Conditions where;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i != lead) where.Add(has_word, {words[i]});
  }
  auto dob = DateText(q.date_of_birth);
  if (dob) where.Add(" AND w.date_of_birth = ?", {*dob});
  if (!q.nhs_number.empty()) where.Add(" AND w.nhs_number = ?", {q.nhs_number});
  if (!q.council_reference.empty()) where.Add(" AND w.council_reference = ?", {q.council_reference});

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

  // The summary's columns in kSummarySelect's order, then the name's.
  std::string select =
      "w.person_id, w.display_name, w.date_of_birth, w.nhs_number, w.council_reference, w.postcode, w.unborn, "
      "w.kind_rank, w.name_id, w.name, " +
      (q.viewer_user_id.empty() ? std::string("1") : "CASE WHEN " + ListableToViewerSql("w", "w.person_id") +
                                                         " THEN 1 ELSE 0 END") +
      " FROM person_name_words w ";
  // Each run is read only as far as the merge takes it: SQLite reads a run's pages as its
  // rows are stepped through, so a page of results touches no more of the table than it shows.
  std::vector<std::unique_ptr<Cursor>> runs;
  auto open = [&](const std::string& sql, Value word_from, std::optional<Value> word_to) {
    std::vector<Value> params;
    if (!q.viewer_user_id.empty()) params.push_back(std::string_view(q.viewer_user_id));
    params.push_back(word_from);
    if (word_to) params.push_back(*word_to);
    params.insert(params.end(), where.params.begin(), where.params.end());
    params.push_back(static_cast<int64_t>(wanted));
    runs.push_back(c_.QueryValues(sql, params));
  };
  constexpr char kOrder[] = " ORDER BY w.display_name, w.person_id, w.kind_rank, w.name_id LIMIT ?";
  if (whole.size() > kMaxMergedWords) {
    open("SELECT DISTINCT " + select + "WHERE w.word >= ? AND w.word < ?" + where.sql + kOrder,
         std::string_view(prefix), std::string_view(end));
  } else {
    std::string sql = "SELECT " + select + "WHERE w.word = ?" + where.sql + kOrder;
    for (const std::string& word : whole) open(sql, std::string_view(word), std::nullopt);
  }
  // The row each run is at, or none once it has ended.
  std::vector<std::optional<SearchRow>> heads(runs.size());
  auto advance = [&](size_t i) {
    heads[i].reset();
    if (runs[i]->Next()) {
      const Cursor& r = *runs[i];
      heads[i] = SearchRow{SummaryAt(r), r.Int(kSummaryColumns), r.String(kSummaryColumns + 1),
                           r.String(kSummaryColumns + 2), r.Bool(kSummaryColumns + 3)};
    }
  };
  for (size_t i = 0; i < runs.size(); ++i) advance(i);
  auto key = [](const SearchRow& r) { return std::tie(r.summary.display_name, r.summary.id, r.kind_rank, r.name_id); };
  std::string last_name_id;
  for (size_t taken = 0; taken < wanted;) {
    size_t next = heads.size();
    for (size_t i = 0; i < heads.size(); ++i) {
      if (heads[i] && (next == heads.size() || key(*heads[i]) < key(*heads[next]))) next = i;
    }
    if (next == heads.size()) break;
    SearchRow row = std::move(*heads[next]);
    advance(next);
    // A name found through two of its words comes from two runs, one after the other.
    if (row.name_id == last_name_id) continue;
    last_name_id = row.name_id;
    ++taken;
    if (!take(row)) break;
  }
}

std::vector<PersonRepo::SearchRow> PersonRepo::HitsWithoutName(const PersonQuery& q, size_t wanted) {
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
  std::vector<std::string> ids;
  {
    auto rows = c_.QueryValues(sql, params);
    while (rows->Next()) ids.push_back(rows->String(0));
  }

  // The summaries, a chunk of names at a time, in the order found.
  std::string visible =
      q.viewer_user_id.empty() ? "1" : "CASE WHEN " + ListableToViewerSql("r", "p.id") + " THEN 1 ELSE 0 END";
  std::string summaries = std::string(kSummarySelect) +
                          ", CASE n.kind WHEN 'current' THEN 0 ELSE 1 END, n.id, n.given_names || ' ' || "
                          "n.family_name, " +
                          visible + " FROM person_names n JOIN persons p ON p.id = n.person_id" + kSummaryJoins +
                          " WHERE n.id IN (?";
  for (size_t i = 1; i < kSummaryChunk; ++i) summaries += ", ?";
  summaries += ")";
  std::vector<SearchRow> out;
  for (size_t from = 0; from < ids.size(); from += kSummaryChunk) {
    size_t to = std::min(ids.size(), from + kSummaryChunk);
    std::vector<Value> chunk;
    if (!q.viewer_user_id.empty()) chunk.push_back(std::string_view(q.viewer_user_id));
    for (size_t i = 0; i < kSummaryChunk; ++i) chunk.push_back(std::string_view(ids[std::min(from + i, to - 1)]));
    std::unordered_map<std::string, SearchRow> found;
    auto rows = c_.QueryValues(summaries, chunk);
    while (rows->Next()) {
      SearchRow row{SummaryAt(*rows), rows->Int(kSummaryColumns), rows->String(kSummaryColumns + 1),
                    rows->String(kSummaryColumns + 2), rows->Bool(kSummaryColumns + 3)};
      std::string name_id = row.name_id;
      found[name_id] = std::move(row);
    }
    for (size_t i = from; i < to; ++i) {
      auto f = found.find(ids[i]);
      if (f != found.end()) out.push_back(f->second);
    }
  }
  return out;
}

std::vector<PersonSummary> PersonRepo::Search(const PersonQuery& q, size_t* withheld) {
  // A person may match by several names, and some may be withheld, so more names than the
  // page are found, and the page is taken from them in order.
  size_t wanted = static_cast<size_t>(q.limit) * 4;
  std::vector<PersonSummary> out;
  std::unordered_set<std::string> seen;
  // Takes the next name found; false once the page is full.
  auto take = [&](SearchRow& hit) {
    if (static_cast<int>(out.size()) >= q.limit) return false;
    if (!seen.insert(hit.summary.id).second) return true;
    if (!hit.visible) {
      if (withheld) ++*withheld;
      return true;
    }
    if (hit.kind_rank != 0) hit.summary.matched_name = hit.name;
    out.push_back(std::move(hit.summary));
    return static_cast<int>(out.size()) < q.limit;
  };
  if (Words(FoldName(q.name)).empty()) {
    for (SearchRow& hit : HitsWithoutName(q, wanted)) {
      if (!take(hit)) break;
    }
  } else {
    NameHits(q, wanted, take);
  }
  return out;
}

}  // namespace casework::store
