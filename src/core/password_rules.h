// What makes a password acceptable (SEC-01).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "core/settings.h"
#include "core/status.h"
#include "core/user.h"

namespace casework {

// Ok, or why the password is refused: too short, too common, or containing the user's own
// name or the name of the system. common holds lower-case passwords.
Status CheckPasswordStrength(std::string_view password, const User& user, const PasswordPolicy& policy,
                             const std::unordered_set<std::string>& common);

}  // namespace casework
