#include "app/allocation.h"

#include <algorithm>

#include "app/access.h"
#include "app/audit.h"
#include "app/journal_writer.h"
#include "core/journal_kinds.h"
#include "store/case_record_repo.h"
#include "store/user_repo.h"

namespace casework::app {

Result<CaseRecord> AllocateCase(const Services& s, const Actor& actor, const std::string& person_id,
                                const std::string& worker_id, int64_t version) {
  if (actor.user.role != Role::kTeamManager) {
    return Refuse(s, actor, {"record.write", person_id, false, "", "allocate the record"},
                  Status::Denied("only a team manager can allocate a child's record"));
  }
  CaseRecord record;
  Status st = WriteToRecord(s, actor, person_id, "allocated the record", [&](store::Connection& c) {
    store::CaseRecordRepo records(c);
    auto current = records.Get(person_id);
    if (!current) return Status::Conflict("this person has no case record to allocate");
    auto worker = store::UserRepo(c).Get(worker_id);
    if (!worker || worker->disabled) return Status::Invalid("worker_id", "names no active user");
    if (worker->role != Role::kPractitioner && worker->role != Role::kTeamManager) {
      return Status::Invalid("worker_id", "a record can be allocated only to a practitioner or team manager");
    }
    if (!records.Allocate(person_id, worker->id, worker->team_id, version)) {
      return Status::Conflict("the record was changed by someone else since you opened it; reload and try again",
                              "version");
    }
    record = *records.Get(person_id);
    AppendItem(c, s, actor,
               {person_id, kinds::kAllocated, std::nullopt, "",
                boost::json::object{{"worker_id", worker->id},
                                    {"worker_name", worker->full_name},
                                    {"worker_post_title", worker->post_title},
                                    {"team_id", worker->team_id},
                                    {"previous_worker_id", current->allocated_worker_id}}});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return record;
}

Result<std::vector<User>> ListTeamMembers(const Services& s, const Actor& actor) {
  if (actor.user.role != Role::kTeamManager || actor.user.team_id.empty()) {
    return Refuse(s, actor, {"users.read", "", false, "", "list the team's members"},
                  Status::Denied("only a team manager can list their team, to allocate records"));
  }
  std::vector<User> out;
  Status st = s.db.Read([&](store::Connection& c) {
    for (User& u : store::UserRepo(c).List()) {
      if (u.disabled || u.team_id != actor.user.team_id) continue;
      if (u.role != Role::kPractitioner && u.role != Role::kTeamManager) continue;
      out.push_back(std::move(u));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::sort(out.begin(), out.end(), [](const User& a, const User& b) { return a.full_name < b.full_name; });
  return out;
}

}  // namespace casework::app
