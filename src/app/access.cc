#include "app/access.h"

#include "app/audit.h"
#include "store/person_repo.h"

namespace casework::app {
namespace {

bool WorksWithRecords(Role role) {
  return role == Role::kPractitioner || role == Role::kTeamManager || role == Role::kRecordsOfficer;
}

// Runs a unit of work that first checks access; a refusal rolls it back and is then logged
// in a unit of work of its own.
Status Guarded(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
               AccessKind kind, const store::Work& work) {
  const char* action = kind == AccessKind::kRead ? "record.read" : "record.write";
  std::optional<Status> refusal;
  std::string basis;
  auto unit = [&](store::Connection& c) -> Status {
    Result<std::string> access = CheckRecordAccess(c, actor, person_id, kind);
    if (!access.ok()) {
      if (access.status().code() == StatusCode::kPermissionDenied) refusal = access.status();
      return access.status();
    }
    basis = *access;
    CASEWORK_RETURN_IF_ERROR(work(c));
    if (kind == AccessKind::kWrite) Audit(c, s, actor, {action, person_id, true, basis, detail});
    return Status::Ok();
  };
  Status status = kind == AccessKind::kRead ? s.db.Read(unit) : s.db.Write(unit);
  if (refusal) return Refuse(s, actor, {action, person_id, false, "", detail}, *refusal);
  if (!status.ok() || kind == AccessKind::kWrite) return status;
  return AuditAlone(s, actor, {action, person_id, true, basis, detail});
}

}  // namespace

Result<std::string> CheckRecordAccess(store::Connection& c, const Actor& actor, const std::string& person_id,
                                      AccessKind kind) {
  if (!store::PersonRepo(c).Exists(person_id)) return Status::NotFound("there is no record with id " + person_id);
  if (actor.user.role == Role::kAdministrator) {
    return Status::Denied("administrators manage users and have no access to children's records");
  }
  if (actor.user.role == Role::kAuditor) {
    if (kind == AccessKind::kRead) return std::string("auditor");
    return Status::Denied("auditors may read records for assurance but not change them");
  }
  if (!WorksWithRecords(actor.user.role)) {
    return Status::Denied("partner agency staff see only what has been shared with them");
  }
  return std::string(RoleName(actor.user.role));
}

Status ReadRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                  const store::Work& work) {
  return Guarded(s, actor, person_id, detail, AccessKind::kRead, work);
}

Status WriteToRecord(const Services& s, const Actor& actor, const std::string& person_id, const std::string& detail,
                     const store::Work& work) {
  return Guarded(s, actor, person_id, detail, AccessKind::kWrite, work);
}

Status RequireCaseworkRole(const Services& s, const Actor& actor, const std::string& action) {
  if (WorksWithRecords(actor.user.role) || actor.user.role == Role::kAuditor) return Status::Ok();
  return Refuse(s, actor, {action, "", false, "", ""},
                Status::Denied(std::string("the ") + RoleName(actor.user.role) + " role does not allow " + action));
}

}  // namespace casework::app
