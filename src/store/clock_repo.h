// Clocks on children's records and their extension requests: the current state beside the
// journal items that describe each change (TIM-03..05).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/record_clock.h"
#include "store/database.h"

namespace casework::store {

// A clock as the due and overdue lists show it, with the child and allocated worker.
struct DueClockRow {
  RecordClock clock;
  std::string child_name;
  std::string council_reference;
  std::string worker_id;
  std::string worker_name;
  std::string team_id;
};

class ClockRepo {
 public:
  explicit ClockRepo(Connection& c) : c_(c) {}

  void Insert(const RecordClock& clock);
  std::optional<RecordClock> Get(const std::string& id);
  // Open clocks of one timescale on a person's record.
  std::vector<RecordClock> Open(const std::string& person_id, const std::string& definition);
  // Every clock on a person's record, open first, then by due date.
  std::vector<RecordClock> ForPerson(const std::string& person_id);
  // The open clocks on a person's record, by due date: the few a summary shows, read from the
  // index on (person, status) without reading the clocks met or stopped.
  std::vector<RecordClock> OpenForPerson(const std::string& person_id);
  // Sends OpenForPerson's read ahead of it (Connection::Prefetch).
  void PrefetchOpenForPerson(const std::string& person_id);
  // Saves status, stop, shorter and extended dates; false when the version moved on.
  bool Update(const RecordClock& clock, int64_t expected_version);

  // Open clocks due on or before `by`, by due date, for records allocated to worker_id or
  // team_id (both empty: every record).
  // viewer_user_id, when set, leaves out restricted records that do not name that user.
  std::vector<DueClockRow> DueBy(Date by, const std::string& worker_id, const std::string& team_id, int limit,
                                 const std::string& viewer_user_id = "");
  // Open clocks with an extension request waiting for a decision, on records allocated to
  // team_id, by due date.
  std::vector<DueClockRow> AwaitingExtensionDecision(const std::string& team_id, int limit);

  // Every clock whose statutory date falls from `from` to `to`, open or not, for records
  // allocated to worker_id or team_id (both empty: every record), by statutory date.
  std::vector<DueClockRow> StatutoryDueBetween(Date from, Date to, const std::string& worker_id,
                                               const std::string& team_id, int limit);

  void InsertExtension(const ExtensionRequest& request);
  void UpdateExtension(const ExtensionRequest& request);
  void InsertConsultation(const std::string& extension_id, const Consultation& consultation);
  // The clock's extension requests, oldest first, each with its consultations.
  std::vector<ExtensionRequest> Extensions(const std::string& clock_id);

 private:
  Connection& c_;
};

}  // namespace casework::store
