// Who is acting: the signed-in user as they were when the request began, and where from.
#pragma once

#include <string>

#include "core/user.h"

namespace casework::app {

struct Actor {
  User user;
  std::string session_id;
  std::string client_address;
};

}  // namespace casework::app
