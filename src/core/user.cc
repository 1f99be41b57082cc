#include "core/user.h"

#include <array>

namespace casework {
namespace {
constexpr std::array<const char*, 6> kRoles = {"practitioner", "team_manager", "partner_practitioner",
                                               "records_officer", "auditor", "administrator"};
}

const char* RoleName(Role role) { return kRoles[static_cast<size_t>(role)]; }

std::optional<Role> ParseRole(std::string_view text) {
  for (size_t i = 0; i < kRoles.size(); ++i) {
    if (text == kRoles[i]) return static_cast<Role>(i);
  }
  return std::nullopt;
}

}  // namespace casework
