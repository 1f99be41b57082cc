// Who may read or write a person's record, decided in one place for the API, the CLI and
// exports alike (SEC-04, SEC-05). Each use case goes through ReadRecord or WriteToRecord,
// which check access and write the access log line, so no path can skip either.
//
// A user reaches a child's record only through a relationship: allocated to it, manager of
// the allocated team, named on a restricted record, a named grant that has not run out, or
// break-glass access they opened with a reason. Auditors and records officers may read
// unrestricted records by role when the partnership's settings allow. A restricted record
// is open to its named users alone. Partner agency practitioners see only the items shared
// with them or their agency and what they wrote themselves. A family member's record (a
// person without a case record) is open to whoever may open a child's record linked to
// them, and to whoever created it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/audit.h"
#include "app/services.h"
#include "core/case_record.h"

namespace casework::app {

enum class AccessKind { kRead, kWrite };

// What the user wants to do with the record; each relationship allows some of these.
enum class RecordOperation {
  kRead,
  kChange,        // details, addresses, relationships, allocation
  kContribute,    // write entries (partners contribute to records shared with them)
  kCountersign,   // confirm an entry written on one's behalf
  kManageAccess,  // grants, restriction, sharing with partners
};

struct RecordAccess {
  std::string basis;  // the relationship, as written in the access log
  // SEC-05: the user sees only the items below and the ones they wrote.
  bool partner_view = false;
  std::vector<std::string> shared_item_ids;
  // The child's case record as read to decide, or none for a person who has none: use cases
  // take it from here rather than reading it again in the same transaction.
  std::optional<CaseRecord> case_record;
  // Read with the case record when AccessReads::allocation asks: its allocated worker's id,
  // name, post title and role (none when it has none) and the allocated team's name (empty
  // when it has none).
  std::optional<User> allocated_worker;
  std::string allocated_team_name;
  // Read with the case record when AccessReads::version asks (record_versions); none for a
  // person who has no case record.
  std::optional<int64_t> record_version;

  bool ItemVisible(const std::string& item_id, const std::string& author_user_id, const std::string& user_id) const;
};

// What a use case asks the access decision to read for it, so that on a database server its
// first reads travel in one round trip with the case record's (and, for users who are never
// allocated to a record, with their grant and break-glass reads).
struct AccessReads {
  // The allocated worker and team, joined to the case record in its one statement.
  bool allocation = false;
  // The version the record's summary is kept at, likewise.
  bool version = false;
  // Sends reads ahead (Connection::Prefetch) before the case record is read, or in a write,
  // statements the use case will surely take (Connection::SendAhead); none may depend on it.
  std::function<void(store::Connection&)> ahead;
  // For a write handed over (WriteToRecordThen): the use case changes nothing that the access
  // reads and `ahead` of a use on another record read (a case note changes only its own
  // record's journal and lists), so a database server's writer may send them for several such
  // writes of a batch together (store::SentAhead, keyed by the record).
  bool independent_of_other_records = false;
};

// How the actor may act on the record, or PermissionDenied saying why not. NotFound if there
// is no such record.
Result<RecordAccess> DecideRecordAccess(store::Connection& c, const Services& s, const Actor& actor,
                                        const std::string& person_id, RecordOperation op,
                                        const AccessReads& reads = {});
// The basis alone, for callers that need no more.
Result<std::string> CheckRecordAccess(store::Connection& c, const Services& s, const Actor& actor,
                                      const std::string& person_id, AccessKind kind);

// Whether the person may appear in the actor's search results and lists: restricted records
// only to their named users, and for partners only records they may open.
bool VisibleInLists(store::Connection& c, const Services& s, const Actor& actor, const std::string& person_id);

using RecordWork = std::function<Status(store::Connection&, const RecordAccess&)>;

// Runs work in a read unit of work if the actor may read the record, then logs the read
// before returning, so no one sees a record without the access log showing it.
Status ReadRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                  const store::Work& work);
// The same, giving work the access decided, so it can show a partner only what is theirs.
// reads, if given, are read with the case record while access is decided.
Status ReadRecordAs(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                    const RecordWork& work, const AccessReads& reads = {});

// As ReadRecordAs, but the read's access-log line is handed back unwritten, for the caller to
// write (and wait for) before anything read goes out: so that a server can prepare its answer
// and send it once the access log's writer says the line is durable, with no thread waiting.
// A refusal is logged before returning, as by ReadRecordAs.
Result<PendingAuditLine> ReadRecordLoggingLater(const Services& s, const Actor& actor, const std::string& person_id,
                                                const std::string& detail, const RecordWork& work,
                                                const AccessReads& reads = {});

// Runs work in one write unit of work with the access check and the log line, so the change
// and its log line commit together. Without an operation, the change is kChange.
Status WriteToRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                     const store::Work& work);
Status WriteToRecord(const Services& s, const Actor& actor, const std::string& person_id, RecordOperation op,
                     const std::string& detail, const RecordWork& work, const AccessReads& reads = {});
// The same, handed to the writer without waiting: done is told once, after the commit, what
// WriteToRecord would have returned (a refusal once its line is written), perhaps on the
// writer's thread, so it must not wait. work and reads run on the writer's thread, maybe more
// than once, and must own what they use.
void WriteToRecordThen(const Services& s, std::shared_ptr<const Actor> actor, std::string person_id,
                       RecordOperation op, std::string detail, RecordWork work, AccessReads reads,
                       store::WriteDone done);

// For actions that are not about one record (searches, lists): refuses roles that have no
// business with children's records, logging the refusal.
Status RequireCaseworkRole(const Services& s, const Actor& actor, const std::string& action);
// For opening new records: the council staff who keep them (practitioners, team managers,
// records officers); auditors look but do not record.
Status RequireRecordKeeperRole(const Services& s, const Actor& actor, const std::string& action);

}  // namespace casework::app
