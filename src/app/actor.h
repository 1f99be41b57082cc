// Who is acting: the signed-in user as they were when the request began, and where from.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "core/user.h"

namespace casework::app {

// A session and its user taken from those kept between requests (app/kept_sessions.h)
// instead of read for this request. The use case reads the session's version inside its own
// unit of work, before it decides or shows anything, and says here whether they still hold.
struct KeptSessionCheck {
  enum class Outcome { kUnchecked, kHeld, kGone };
  std::string token_hash;
  Session session;  // as kept; the user as kept is the actor's
  int64_t version = 0;  // the session's version as kept (migration 0017)
  std::atomic<Outcome> outcome{Outcome::kUnchecked};
};

struct Actor {
  User user;
  std::string session_id;
  std::string client_address;
  // Set when the session was kept rather than read (see KeptSessionCheck).
  std::shared_ptr<KeptSessionCheck> kept_session = nullptr;
};

}  // namespace casework::app
