// The people who do the casework: the demo logins in their two teams, and for larger data
// sets as many more teams of social workers as the caseload needs (about twenty children
// each), all signing in with the demo password.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "app/services.h"
#include "core/user.h"

namespace casework::demo {

struct StaffTeam {
  User manager;
  std::vector<User> workers;
};

// Adds the demo logins and, for more than the demo teams can carry, further teams.
Result<std::vector<StaffTeam>> AddStaff(const app::Services& s, int64_t children, uint64_t seed,
                                        const std::unordered_set<std::string>& common_passwords);

}  // namespace casework::demo
