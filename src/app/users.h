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

}  // namespace casework::app
