// Persons' current details, every name and address they have had, and finding them again.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/duplicates.h"
#include "core/person.h"
#include "store/database.h"

namespace casework::store {

struct PersonQuery {
  std::string name;  // words that must each begin a word of one of the person's names
  std::optional<Date> date_of_birth;
  std::string nhs_number;
  std::string council_reference;
  int limit = 50;
  // When set, restricted records that do not name this user are left out (and counted).
  std::string viewer_user_id;
};

// Who writes a person's rows of person_name_words, the table name search reads.
enum class NameWords {
  kNow,          // the repository, with each write that changes what they hold
  kByBulkIndex,  // BulkNameIndex::Finish, once for every name at the end of a bulk load
};

class PersonRepo {
 public:
  explicit PersonRepo(Connection& c, NameWords words = NameWords::kNow) : c_(c), words_(words) {}

  // missing lists the required details still lacking, comma-separated, for the
  // incomplete-records list.
  void Insert(const Person& person, const std::string& current_name_id, const std::string& missing);
  // False, changing nothing, when the stored version is not expected_version.
  bool Update(const Person& person, int64_t expected_version, const std::string& missing);
  void SetMissing(const std::string& person_id, const std::string& missing);
  std::optional<Person> Get(const std::string& id);
  // Sends the reads of Get, OtherNames and Addresses for the person ahead of them, to share
  // one round trip (Connection::Prefetch).
  void PrefetchRecord(const std::string& id);
  bool Exists(const std::string& id);

  // The name in use moves to the list of other names as demoted_kind.
  void SetCurrentName(const std::string& person_id, const std::string& name_id, const std::string& given,
                      const std::string& family, NameKind demoted_kind, Timestamp at);
  void AddName(const std::string& person_id, const OtherName& name);
  std::vector<OtherName> OtherNames(const std::string& person_id);

  // The new address becomes current; the old one is closed the day before it starts.
  void AddAddress(const std::string& person_id, const Address& address, Timestamp at);
  std::vector<Address> Addresses(const std::string& person_id);

  std::optional<std::string> FindByNhsNumber(const std::string& nhs_number);
  std::vector<DuplicateCandidate> DuplicateCandidates(const std::optional<Date>& date_of_birth,
                                                      const std::string& nhs_number, const std::string& postcode_key);
  // withheld, when given, counts the matches left out as restricted from the viewer.
  std::vector<PersonSummary> Search(const PersonQuery& query, size_t* withheld = nullptr);
  // Persons whose records lack required details, with what is missing.
  std::vector<std::pair<PersonSummary, std::string>> Incomplete(int limit, const std::string& after_id);
  // The summaries of these persons by id, in one query; an id with no person is left out.
  std::unordered_map<std::string, PersonSummary> Summaries(const std::vector<std::string>& ids);

 private:
  void WriteIdentifiers(const Person& person);
  // Rewrites the person's rows of person_name_words: each word of each name, with what a
  // search result shows.
  void IndexNameWords(const std::string& person_id);
  // A matching name with its person's summary.
  struct SearchRow {
    PersonSummary summary;
    int64_t kind_rank;  // 0 for the name in use
    std::string name_id;
    std::string name;  // as written
    bool visible;      // false for a restricted record that does not name the viewer
  };
  // The first matching names in display order, one row each: by name (person_search.cc), or
  // by the other fields alone.
  std::vector<SearchRow> NameHits(const PersonQuery& query, size_t wanted);
  std::vector<SearchRow> HitsWithoutName(const PersonQuery& query, size_t wanted);
  Connection& c_;
  NameWords words_;
};

}  // namespace casework::store
