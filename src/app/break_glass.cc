// Break-glass access and its review, and the access log reports (SEC-04, GOV-06).
#include "app/access.h"
#include "app/access_log_reading.h"
#include "app/audit.h"
#include "app/record_access_management.h"
#include "core/entry_rules.h"
#include "store/access_log_repo.h"
#include "store/case_record_repo.h"
#include "store/person_repo.h"
#include "store/record_access_repo.h"
#include "store/user_repo.h"

namespace casework::app {

Result<BreakGlass> OpenWithBreakGlass(const Services& s, const Actor& actor, const std::string& record_id,
                                      const std::string& reason) {
  const char* action = "record.break_glass";
  Role role = actor.user.role;
  if (role != Role::kPractitioner && role != Role::kTeamManager && role != Role::kRecordsOfficer) {
    return Refuse(s, actor, {action, record_id, false, "", reason},
                  Status::Denied(std::string("break-glass access is for council staff working with children; the ") +
                                 RoleName(role) + " role cannot use it"));
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(reason, "reason", 1000, true));
  if (reason.size() < 10) return Status::Invalid("reason", "must say why you need the record now, in a sentence");
  BreakGlass glass;
  std::optional<Status> refusal;
  Status st = s.db.Write([&](store::Connection& c) {
    refusal.reset();
    auto record = store::CaseRecordRepo(c).Get(record_id);
    if (!record) {
      if (store::PersonRepo(c).Exists(record_id)) {
        return Status::Conflict("break-glass opens a child's case record; this person has none");
      }
      return Status::NotFound("there is no record with id " + record_id);
    }
    if (record->restricted) {
      refusal = Status::Denied("this record is restricted to named users; break-glass cannot open it");
      return *refusal;
    }
    Result<RecordAccess> existing = DecideRecordAccess(c, s, actor, record_id, RecordOperation::kChange);
    if (existing.ok()) return Status::Conflict("you may already open this record, as " + existing->basis);
    glass = {};
    glass.id = s.ids.Next();
    glass.record_id = record_id;
    glass.user_id = actor.user.id;
    glass.username = actor.user.username;
    glass.reason = reason;
    glass.started_at = s.clock.Now();
    glass.expires_at = glass.started_at + s.settings.access.break_glass_duration;
    // The user's team manager reviews it; a manager's own break-glass goes to an auditor.
    if (role != Role::kTeamManager) glass.reviewer_team_id = actor.user.team_id;
    store::RecordAccessRepo(c).InsertBreakGlass(glass);
    Audit(c, s, actor, {action, record_id, true, "break-glass: " + reason,
                        "until " + FormatTimestamp(glass.expires_at) + "; review " + glass.id});
    return Status::Ok();
  });
  if (refusal) return Refuse(s, actor, {action, record_id, false, "", reason}, *refusal);
  if (!st.ok()) return st;
  return glass;
}

Result<std::vector<BreakGlass>> BreakGlassAwaitingReview(const Services& s, const Actor& actor) {
  Role role = actor.user.role;
  if (role != Role::kTeamManager && role != Role::kAuditor) {
    return Refuse(s, actor, {"break_glass.list", "", false, "", ""},
                  Status::Denied("break-glass access is reviewed by team managers and auditors"));
  }
  std::vector<BreakGlass> out;
  Status st = s.db.Read([&](store::Connection& c) {
    out.clear();
    for (BreakGlass& b : store::RecordAccessRepo(c).AwaitingReview(actor.user.team_id, role == Role::kAuditor)) {
      if (b.user_id != actor.user.id) out.push_back(std::move(b));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<BreakGlass> ReviewBreakGlass(const Services& s, const Actor& actor, const std::string& id, bool justified,
                                    const std::string& note) {
  CASEWORK_RETURN_IF_ERROR(CheckText(note, "note", 2000, !justified));
  const char* action = "break_glass.review";
  BreakGlass glass;
  std::optional<Status> refusal;
  Status st = s.db.Write([&](store::Connection& c) {
    refusal.reset();
    store::RecordAccessRepo repo(c);
    auto found = repo.GetBreakGlass(id);
    if (!found) return Status::NotFound("there is no break-glass access " + id);
    bool own_manager = actor.user.role == Role::kTeamManager && !found->reviewer_team_id.empty() &&
                       found->reviewer_team_id == actor.user.team_id;
    if (found->user_id == actor.user.id) {
      refusal = Status::Denied("no one reviews their own break-glass access");
    } else if (!own_manager && actor.user.role != Role::kAuditor) {
      refusal = Status::Denied("only the user's team manager or an auditor can review this break-glass access");
    }
    if (refusal) return *refusal;
    if (!repo.Review(id, actor.user.id, s.clock.Now(), justified, note)) {
      return Status::Conflict("this break-glass access has already been reviewed");
    }
    glass = *repo.GetBreakGlass(id);
    Audit(c, s, actor, {action, found->record_id, true, RoleName(actor.user.role),
                        std::string(justified ? "justified" : "not justified") + ": " + found->username + ", " + id +
                            (note.empty() ? "" : "; " + note)});
    return Status::Ok();
  });
  if (refusal) return Refuse(s, actor, {action, "", false, "", id}, *refusal);
  if (!st.ok()) return st;
  return glass;
}

namespace {

Result<AccessLogPage> ListLog(const Services& s, const Actor& actor, store::AccessQuery q, AuditLine line) {
  if (q.limit < 1 || q.limit > 500) return Status::Invalid("limit", "must be between 1 and 500");
  AccessLogPage page;
  ++q.limit;
  Result<std::vector<AccessEvent>> events = ReadAccessLog(s, q);
  if (!events.ok()) return events.status();
  page.events = std::move(*events);
  page.more = static_cast<int>(page.events.size()) == q.limit;
  if (page.more) page.events.pop_back();
  // Reading the log is itself logged, and the page goes out only once that line is durable.
  CASEWORK_RETURN_IF_ERROR(AuditAlone(s, actor, line));
  return page;
}

}  // namespace

Result<AccessLogPage> RecordAccessLog(const Services& s, const Actor& actor, const std::string& record_id,
                                      const std::string& before_id, int limit) {
  const char* action = "access_log.read";
  std::optional<Status> refusal;
  std::string basis = "auditor";
  if (actor.user.role != Role::kAuditor) {
    Status st = s.db.Read([&](store::Connection& c) {
      if (!store::PersonRepo(c).Exists(record_id)) return Status::NotFound("there is no record with id " + record_id);
      Result<RecordAccess> a = DecideRecordAccess(c, s, actor, record_id, RecordOperation::kManageAccess);
      if (actor.user.role != Role::kTeamManager || !a.ok()) {
        refusal = Status::Denied("a record's access log is for auditors and the managers of the allocated team");
        return *refusal;
      }
      basis = a->basis;
      return Status::Ok();
    });
    if (refusal) return Refuse(s, actor, {action, record_id, false, "", "the record's access log"}, *refusal);
    if (!st.ok()) return st;
  } else {
    bool exists = false;
    Status st = s.db.Read([&](store::Connection& c) {
      exists = store::PersonRepo(c).Exists(record_id);
      return Status::Ok();
    });
    if (!st.ok()) return st;
    if (!exists) return Status::NotFound("there is no record with id " + record_id);
  }
  store::AccessQuery q;
  q.record_id = record_id;
  q.before_id = before_id;
  q.limit = limit;
  return ListLog(s, actor, q, {action, record_id, true, basis, "the record's access log"});
}

Result<AccessLogPage> UserAccessLog(const Services& s, const Actor& actor, const std::string& user_id,
                                    const std::string& before_id, int limit) {
  const char* action = "access_log.read";
  std::optional<User> user;
  Status st = s.db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).Get(user_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!user) return Status::NotFound("there is no user with id " + user_id);
  bool their_manager = actor.user.role == Role::kTeamManager && !user->team_id.empty() &&
                       user->team_id == actor.user.team_id;
  if (actor.user.role != Role::kAuditor && !their_manager) {
    return Refuse(s, actor, {action, "", false, "", "access log of " + user->username},
                  Status::Denied("a user's access log is for auditors and the manager of the user's team"));
  }
  store::AccessQuery q;
  q.user_id = user_id;
  q.before_id = before_id;
  q.limit = limit;
  return ListLog(s, actor, q,
                 {action, "", true, their_manager ? "manager of the user's team" : "auditor",
                  "access log of " + user->username});
}

}  // namespace casework::app
