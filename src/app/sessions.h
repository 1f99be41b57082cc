// Signing in and out, and turning a session token back into the user acting (SEC-01, SEC-02).
#pragma once

#include <string>

#include "app/actor.h"
#include "app/services.h"
#include "core/user.h"

namespace casework::app {

struct SignedIn {
  std::string token;  // the secret; only its hash is stored
  Session session;
  User user;
  Timestamp expires_at{};  // when the session ends if the user does nothing more
};

Result<SignedIn> SignIn(const Services& s, const std::string& username, const std::string& password,
                        const std::string& client_address, const std::string& user_agent);

struct Authenticated {
  Actor actor;
  Session session;
  Timestamp expires_at{};  // idle or absolute limit, whichever comes first
};

// Unauthenticated when the token is unknown, ended or timed out. With activity, the request
// counts as the user doing something and pushes back the idle time-out; a page asking only
// how long is left passes false.
Result<Authenticated> Authenticate(const Services& s, const std::string& token, const std::string& client_address,
                                   bool activity = true);

Status SignOut(const Services& s, const Actor& actor);

// When a session with this history ends, whichever limit comes first.
Timestamp SessionExpiry(const Session& session, const SessionPolicy& policy);

}  // namespace casework::app
