// Current-state lists derived from entries, kept in step with the journal in the same unit
// of work: decisions due for review (ENT-05), actions agreed at contacts (ENT-07), and
// entries awaiting countersignature by the person who gave the information (ENT-04).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "store/database.h"

namespace casework::store {

struct DecisionRow {
  std::string item_id;
  std::string record_id;
  std::string decided_by;
  std::string summary;
  Date review_date{};
};

struct ActionRow {
  std::string id;
  std::string item_id;
  std::string record_id;
  std::string description;
  std::string responsible;
  Date due{};
};

struct CountersignatureRow {
  std::string item_id;
  std::string record_id;
  std::string provider_user_id;
  std::string signed_item_id;  // empty while awaited
};

class EntryIndexRepo {
 public:
  explicit EntryIndexRepo(Connection& c) : c_(c) {}

  void InsertDecision(const DecisionRow& row);
  void InsertAction(const ActionRow& row);
  // A correction replaces what the corrected entry put on these lists.
  void Supersede(const std::string& item_id, const std::string& by_item_id);
  // Open decisions whose review date is on or before the given date, soonest first.
  std::vector<DecisionRow> DecisionsDueBy(Date on_or_before, int limit);

  void InsertCountersignature(const CountersignatureRow& row);
  std::optional<CountersignatureRow> Countersignature(const std::string& item_id);
  void MarkCountersigned(const std::string& item_id, const std::string& signed_item_id);
  std::vector<CountersignatureRow> AwaitingCountersignature(const std::string& user_id);

 private:
  Connection& c_;
};

}  // namespace casework::store
