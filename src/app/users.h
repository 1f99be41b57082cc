// Managing users: adding them, and their passwords (SEC-01).
#pragma once

#include <string>
#include <unordered_set>

#include "app/actor.h"
#include "app/services.h"
#include "core/user.h"

namespace casework::app {

struct NewUser {
  std::string username;
  std::string full_name;
  std::string post_title;
  Role role = Role::kPractitioner;
  std::string team;  // team name; created if new
  std::string agency;
  std::string password;
  bool must_change_password = true;
};

// By an administrator (actor), or from the command line on the server (actor null).
Result<User> AddUser(const Services& s, const Actor* actor, NewUser input,
                     const std::unordered_set<std::string>& common_passwords);

// SEC-03: the user changes their own password, giving the current one. Their other sessions
// end, in case the old password was known to someone else.
Status ChangeOwnPassword(const Services& s, const Actor& actor, const std::string& current_password,
                         const std::string& new_password, const std::unordered_set<std::string>& common_passwords);

// An administrator sets a temporary password (after a forgotten password or a suspected
// compromise): the user's sessions end and they must choose a new one at next sign-in.
Status ResetPassword(const Services& s, const Actor& actor, const std::string& user_id,
                     const std::string& temporary_password, const std::unordered_set<std::string>& common_passwords);

}  // namespace casework::app
