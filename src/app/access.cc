#include "app/access.h"

#include <algorithm>

#include "app/audit.h"
#include "app/sessions.h"
#include "store/case_record_repo.h"
#include "store/person_repo.h"
#include "store/record_access_repo.h"
#include "store/relationship_repo.h"

namespace casework::app {
namespace {

bool CouncilStaff(Role role) {
  return role == Role::kPractitioner || role == Role::kTeamManager || role == Role::kRecordsOfficer;
}

const char* Doing(RecordOperation op) {
  switch (op) {
    case RecordOperation::kRead: return "open";
    case RecordOperation::kChange: return "change";
    case RecordOperation::kContribute: return "write in";
    case RecordOperation::kCountersign: return "countersign in";
    case RecordOperation::kManageAccess: return "manage access to";
  }
  return "use";
}

Status Denied(const std::string& why) { return Status::Denied(why); }

std::string NoRelationship(const Actor& actor, RecordOperation op) {
  if (actor.user.role == Role::kPartnerPractitioner) {
    return "partner agency staff see only records shared with them by a grant; ask the child's allocated worker";
  }
  std::string why = std::string("you may not ") + Doing(op) +
                    " this record: you are not its allocated worker or the manager of its team, and hold no grant "
                    "to it";
  if (CouncilStaff(actor.user.role)) why += "; if a child may be at risk, open it with break-glass and give your reason";
  return why;
}

// Limits on what each kind of relationship allows, beyond reading.
Result<RecordAccess> Allow(const Actor& actor, std::string basis, bool full, bool may_change, RecordOperation op) {
  if (op == RecordOperation::kManageAccess && !full) {
    return Denied("only the allocated worker or the manager of the allocated team can manage access to this record");
  }
  if (op == RecordOperation::kChange && !may_change) {
    return Denied("you may read this record and write entries in it (" + basis + "), but not change its details");
  }
  RecordAccess a;
  a.basis = std::move(basis);
  a.partner_view = actor.user.role == Role::kPartnerPractitioner;
  return a;
}

// Users of these roles are never allocated to a record nor manage its team, so their access
// to a child's record always turns on their grants and break-glass, which can be read with
// the case record rather than after it.
bool NeverAllocated(Role role) { return role != Role::kPractitioner && role != Role::kTeamManager; }

// The user's grant and break-glass on a record, when they were read with it.
struct KnownUserAccess {
  std::optional<AccessGrant> grant;
  std::optional<BreakGlass> break_glass;
};

Result<RecordAccess> DecideForChild(store::Connection& c, const Services& s, const Actor& actor,
                                    const CaseRecord& record, RecordOperation op, Timestamp now,
                                    const KnownUserAccess* known = nullptr) {
  const User& u = actor.user;
  store::RecordAccessRepo repo(c);
  const bool allocated = u.id == record.allocated_worker_id ||
                         (u.role == Role::kTeamManager && !u.team_id.empty() && u.team_id == record.allocated_team_id);
  // Anyone else is decided by their grants and break-glass: asked for together, unless they
  // came with the record.
  if (!allocated && !known) repo.PrefetchUserAccess(record.person_id, u.id, now, record.restricted);
  bool named = record.restricted && repo.IsNamed(record.person_id, u.id);
  if (record.restricted && !named) {
    return Denied("this record is restricted: only the users named on it may open it, and you are not one of them");
  }
  bool partner = u.role == Role::kPartnerPractitioner;
  if (u.id == record.allocated_worker_id) return Allow(actor, "allocated worker", true, true, op);
  if (u.role == Role::kTeamManager && !u.team_id.empty() && u.team_id == record.allocated_team_id) {
    return Allow(actor, "manager of the allocated team", true, true, op);
  }
  if (named) return Allow(actor, "named on the restricted record", !partner, !partner, op);
  if (auto grant = known ? known->grant : repo.ActiveGrant(record.person_id, u.id, now)) {
    return Allow(actor, "grant for " + grant->purpose + " until " + FormatTimestamp(grant->expires_at), false,
                 !partner, op);
  }
  if (auto glass = known ? known->break_glass : repo.ActiveBreakGlass(record.person_id, u.id, now)) {
    return Allow(actor, "break-glass: " + glass->reason, false, true, op);
  }
  if (op == RecordOperation::kRead) {
    if (u.role == Role::kAuditor && s.settings.access.auditors_read_records) {
      return Allow(actor, "auditor, for assurance (read only)", false, false, op);
    }
    if (u.role == Role::kRecordsOfficer && s.settings.access.records_officers_read_records) {
      return Allow(actor, "records officer, for records management (read only)", false, false, op);
    }
  } else if (u.role == Role::kAuditor) {
    return Denied("auditors may read records for assurance but not change them");
  }
  if (op == RecordOperation::kCountersign && repo.GaveInformationFor(record.person_id, u.id)) {
    return Allow(actor, "gave the information for an entry written on their behalf", false, false, op);
  }
  return Denied(NoRelationship(actor, op));
}

// A person with no case record (a parent, a carer) is reached through the children linked to
// them, or by whoever recorded them.
Result<RecordAccess> DecideForPerson(store::Connection& c, const Services& s, const Actor& actor,
                                     const std::string& person_id, RecordOperation op, Timestamp now) {
  if (op == RecordOperation::kManageAccess) {
    return Denied("access is managed on a child's case record; this person has none");
  }
  store::CaseRecordRepo records(c);
  std::optional<Status> first_refusal;
  for (const Relationship& r : store::RelationshipRepo(c).Involving(person_id)) {
    const std::string& other = r.child_id == person_id ? r.related_person_id : r.child_id;
    auto child = records.Get(other);
    if (!child) continue;
    Result<RecordAccess> through = DecideForChild(c, s, actor, *child, op, now);
    if (through.ok()) {
      through->basis = "linked to a child's record (" + child->council_reference + ") as " + through->basis;
      return through;
    }
    if (!first_refusal) first_refusal = through.status();
  }
  if (store::RecordAccessRepo(c).Creator(person_id) == actor.user.id && actor.user.role != Role::kPartnerPractitioner) {
    return Allow(actor, "recorded this person", true, true, op);
  }
  if (actor.user.role == Role::kAuditor && op == RecordOperation::kRead && s.settings.access.auditors_read_records) {
    return Allow(actor, "auditor, for assurance (read only)", false, false, op);
  }
  if (actor.user.role == Role::kRecordsOfficer && op == RecordOperation::kRead &&
      s.settings.access.records_officers_read_records) {
    return Allow(actor, "records officer, for records management (read only)", false, false, op);
  }
  if (first_refusal) return *first_refusal;
  return Denied(NoRelationship(actor, op));
}

// One guarded use of a record: what is asked, and what deciding access found, kept for after
// its unit of work has run (on the caller's thread, or for a write handed over, on the
// writer's).
struct Guard {
  Guard(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
        RecordOperation op, const RecordWork& work, const AccessReads& reads)
      : s(s), actor(actor), person_id(person_id), detail(detail), op(op), work(work), reads(reads) {}

  const Services& s;
  const Actor& actor;
  const std::string& person_id;
  const std::string& detail;
  RecordOperation op;
  const RecordWork& work;
  const AccessReads& reads;
  std::optional<Status> refusal;
  std::string basis;

  bool read() const { return op == RecordOperation::kRead; }
  // The access log's line for this use, allowed (with its basis) or refused.
  AuditLine Line(bool allowed) const {
    return {read() ? "record.read" : "record.write", person_id, allowed, allowed ? basis : "", detail};
  }

  // The unit of work: decides access, runs work, and for a write logs it in the same unit.
  Status Run(store::Connection& c) {
    // A database may run the unit again (PostgreSQL does, when its batch collides), and only
    // the run that is kept may decide the outcome.
    refusal.reset();
    basis.clear();
    Result<RecordAccess> access = DecideRecordAccess(c, s, actor, person_id, op, reads);
    if (!access.ok()) {
      if (access.status().code() == StatusCode::kPermissionDenied) refusal = access.status();
      return access.status();
    }
    basis = access->basis;
    Status done = work(c, *access);
    if (done.code() == StatusCode::kPermissionDenied) refusal = done;
    CASEWORK_RETURN_IF_ERROR(done);
    if (!read()) Audit(c, s, actor, Line(true));
    return Status::Ok();
  }
};

Status GuardedWrite(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                    RecordOperation op, const RecordWork& work, const AccessReads& reads = {}) {
  Guard guard(s, actor, person_id, detail, op, work, reads);
  Status status = s.db.Write([&](store::Connection& c) { return guard.Run(c); });
  if (guard.refusal) return Refuse(s, actor, guard.Line(false), *guard.refusal);
  return status;
}

// A write handed to the writer: owns everything its guard refers to until it is told.
struct HandedOverWrite {
  HandedOverWrite(const Services& s, std::shared_ptr<const Actor> a, std::string p, std::string d,
                  RecordOperation op, RecordWork w, AccessReads r)
      : actor(std::move(a)),
        person_id(std::move(p)),
        detail(std::move(d)),
        work(std::move(w)),
        reads(std::move(r)),
        guard(s, *actor, person_id, detail, op, work, reads) {}
  std::shared_ptr<const Actor> actor;
  std::string person_id, detail;
  RecordWork work;
  AccessReads reads;
  Guard guard;
};

}  // namespace

bool RecordAccess::ItemVisible(const std::string& item_id, const std::string& author_user_id,
                               const std::string& user_id) const {
  if (!partner_view || author_user_id == user_id) return true;
  return std::find(shared_item_ids.begin(), shared_item_ids.end(), item_id) != shared_item_ids.end();
}

namespace {

// Sends ahead what deciding access reads first, and what the use case asks to be sent with
// it; returns what the case record is read with.
store::RecordReadWith SendAccessReadsAhead(store::Connection& c, const Actor& actor, const std::string& person_id,
                                           const AccessReads& reads, Timestamp now) {
  // What the use case asks for comes with the case record, and so, for users whose access
  // always turns on them, do their grant and break-glass, and a kept session's version
  // (checked before anything is decided, app/kept_sessions.h): one statement.
  store::RecordReadWith with;
  if (actor.kept_session) with.session_token_hash = actor.kept_session->token_hash;
  with.allocation = reads.allocation;
  with.version = reads.version;
  if (NeverAllocated(actor.user.role)) {
    with.access_user_id = actor.user.id;
    with.access_at = now;
  }
  store::CaseRecordRepo(c).PrefetchRead(person_id, with);
  if (reads.ahead) reads.ahead(c);
  return with;
}

}  // namespace

Result<RecordAccess> DecideRecordAccess(store::Connection& c, const Services& s, const Actor& actor,
                                        const std::string& person_id, RecordOperation op, const AccessReads& reads) {
  // One time for the decision, so that reads sent ahead and the ones that take them agree.
  const Timestamp now = s.clock.Now();
  const store::RecordReadWith with = SendAccessReadsAhead(c, actor, person_id, reads, now);
  store::CaseRecordRepo records(c);
  // A case record belongs to a person, so finding one shows the person exists without asking
  // the database again (a round trip saved on every look at or change to a child's record).
  std::optional<store::RecordRead> found = records.Read(person_id, with);
  if (found && found->session_read) {
    CASEWORK_RETURN_IF_ERROR(CheckKeptSessionVersion(s, actor, found->session_version));
  } else {
    // No row to carry the session's version (no case record), or a database that reads it on
    // its own: it goes with the person's read, when there is one to make.
    bool exists = true;
    if (!found) {
      SendKeptSessionAhead(c, actor);
      exists = store::PersonRepo(c).Exists(person_id);
    }
    CASEWORK_RETURN_IF_ERROR(CheckKeptSession(c, s, actor));
    if (!exists) return Status::NotFound("there is no record with id " + person_id);
  }
  if (actor.user.role == Role::kAdministrator) {
    return Denied("administrators manage users and have no access to children's records");
  }
  std::optional<KnownUserAccess> known;
  if (found && found->access_read) known = KnownUserAccess{found->grant, found->break_glass};
  Result<RecordAccess> access = found ? DecideForChild(c, s, actor, found->record, op, now, known ? &*known : nullptr)
                                      : DecideForPerson(c, s, actor, person_id, op, now);
  if (!access.ok()) return access;
  if (access->partner_view) {
    access->shared_item_ids =
        store::RecordAccessRepo(c).SharedWith(person_id, actor.user.id, actor.user.agency);
  }
  if (found) {
    access->case_record = std::move(found->record);
    access->allocated_worker = std::move(found->worker);
    access->allocated_team_name = std::move(found->team_name);
    if (reads.version) access->record_version = found->version;
  }
  return access;
}

Result<std::string> CheckRecordAccess(store::Connection& c, const Services& s, const Actor& actor,
                                      const std::string& person_id, AccessKind kind) {
  auto access = DecideRecordAccess(c, s, actor, person_id,
                                   kind == AccessKind::kRead ? RecordOperation::kRead : RecordOperation::kChange);
  if (!access.ok()) return access.status();
  return access->basis;
}

bool VisibleInLists(store::Connection& c, const Services& s, const Actor& actor, const std::string& person_id) {
  if (actor.user.role == Role::kPartnerPractitioner) {
    return DecideRecordAccess(c, s, actor, person_id, RecordOperation::kRead).ok();
  }
  auto record = store::CaseRecordRepo(c).Get(person_id);
  if (!record || !record->restricted) return true;
  return store::RecordAccessRepo(c).IsNamed(person_id, actor.user.id);
}

Result<PendingAuditLine> ReadRecordLoggingLater(const Services& s, const Actor& actor, const std::string& person_id,
                                                const std::string& detail, const RecordWork& work,
                                                const AccessReads& reads) {
  Guard guard(s, actor, person_id, detail, RecordOperation::kRead, work, reads);
  Status status = s.db.Read([&](store::Connection& c) { return guard.Run(c); });
  if (guard.refusal) return Refuse(s, actor, guard.Line(false), *guard.refusal);
  if (!status.ok()) return status;
  return PendingAuditLine(s, actor, guard.Line(true));
}

Status ReadRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                  const store::Work& work) {
  return ReadRecordAs(s, actor, person_id, detail, [&](store::Connection& c, const RecordAccess&) { return work(c); });
}

Status ReadRecordAs(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                    const RecordWork& work, const AccessReads& reads) {
  Result<PendingAuditLine> line = ReadRecordLoggingLater(s, actor, person_id, detail, work, reads);
  if (!line.ok()) return line.status();
  return line->Write();
}

Status WriteToRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                     const store::Work& work) {
  return GuardedWrite(s, actor, person_id, detail, RecordOperation::kChange,
                      [&](store::Connection& c, const RecordAccess&) { return work(c); });
}

Status WriteToRecord(const Services& s, const Actor& actor, const std::string& person_id, RecordOperation op,
                     const std::string& detail, const RecordWork& work, const AccessReads& reads) {
  if (op == RecordOperation::kRead) return Status::Internal("a write cannot be made with read access");
  return GuardedWrite(s, actor, person_id, detail, op, work, reads);
}

void WriteToRecordThen(const Services& s, std::shared_ptr<const Actor> actor, std::string person_id,
                       RecordOperation op, std::string detail, RecordWork work, AccessReads reads,
                       store::WriteDone done) {
  if (op == RecordOperation::kRead) return done(Status::Internal("a write cannot be made with read access"));
  auto write = std::make_shared<HandedOverWrite>(s, std::move(actor), std::move(person_id), std::move(detail), op,
                                                 std::move(work), std::move(reads));
  // What the unit sends before its first wait, for the writer to send with other units'. A
  // read whose parameters differ when the unit runs (the time, for a user who reads by role)
  // is read again then.
  store::SentAhead ahead;
  if (write->reads.independent_of_other_records) {
    ahead.key = write->person_id;
    ahead.send = [write, &s](store::Connection& c) {
      SendAccessReadsAhead(c, *write->actor, write->person_id, write->reads, s.clock.Now());
    };
  }
  s.db.WriteThenSendingAhead([write](store::Connection& c) { return write->guard.Run(c); },
                             [write, done = std::move(done)](Status status) {
                               const Guard& guard = write->guard;
                               if (guard.refusal) {
                                 return RefuseThen(guard.s, guard.actor, guard.Line(false), *guard.refusal, done);
                               }
                               done(std::move(status));
                             },
                             std::move(ahead));
}

Status RequireCaseworkRole(const Services& s, const Actor& actor, const std::string& action) {
  if (CouncilStaff(actor.user.role) || actor.user.role == Role::kAuditor) return Status::Ok();
  return Refuse(s, actor, {action, "", false, "", ""},
                Status::Denied(std::string("the ") + RoleName(actor.user.role) + " role does not allow " + action));
}

Status RequireRecordKeeperRole(const Services& s, const Actor& actor, const std::string& action) {
  if (CouncilStaff(actor.user.role)) return Status::Ok();
  return Refuse(s, actor, {action, "", false, "", ""},
                Status::Denied(std::string("the ") + RoleName(actor.user.role) + " role does not allow " + action));
}

}  // namespace casework::app
