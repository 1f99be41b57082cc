// Allocating a child's case record to a worker and their team: the relationship through which
// practitioners and their managers work with the child.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/services.h"
#include "core/case_record.h"
#include "core/user.h"

namespace casework::app {

// A team manager allocates a record to a worker (usually in their own team); the record's
// team becomes the worker's team. version is the record version the manager saw.
Result<CaseRecord> AllocateCase(const Services& s, const Actor& actor, const std::string& person_id,
                                const std::string& worker_id, int64_t version);

// Who a team manager can allocate their team's records to: the active practitioners and
// managers of their own team, by name.
Result<std::vector<User>> ListTeamMembers(const Services& s, const Actor& actor);

}  // namespace casework::app
