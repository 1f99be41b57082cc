// Signing in and out, and turning a session token back into the user acting (SEC-01, SEC-02).
#pragma once

#include <optional>
#include <string>

#include "app/actor.h"
#include "app/services.h"
#include "core/user.h"

namespace casework::app {

inline constexpr size_t kSessionTokenBytes = 32;  // 256 bits

// With two-factor on, the right password opens no session yet: the user answers this
// challenge with a one-time code.
struct SecondFactorNeeded {
  std::string challenge;  // sealed by the server: who passed the password step, until when
  Timestamp expires_at{};
};

struct SignedIn {
  std::string token;  // the secret; only its hash is stored
  Session session;
  User user;
  Timestamp expires_at{};  // when the session ends if the user does nothing more
  // When set, no session was made and the fields above are empty but for the user.
  std::optional<SecondFactorNeeded> second_factor;
};

// The password step (in sign_in.cc). Failures, including wrong codes below, are throttled
// per account and per address and logged without what was typed (SEC-03).
Result<SignedIn> SignIn(const Services& s, const std::string& username, const std::string& password,
                        const std::string& client_address, const std::string& user_agent);
// The second step for users with two-factor on: the challenge and a code from their app.
Result<SignedIn> CompleteSignIn(const Services& s, const std::string& challenge, const std::string& code,
                                const std::string& client_address, const std::string& user_agent);

// SEC-03: the lock on guessing, shared by the sign-in steps and by turning two-factor off
// while signed in, so that a session left open cannot be used to guess codes. The time the
// lock lifts for this account or address, if it is on.
std::optional<Timestamp> GuessingLockedUntil(store::Connection& c, const Services& s, const std::string& username,
                                             const std::string& client_address);
// Counts a wrong password or code against the account and the address.
void CountFailedGuess(store::Connection& c, const Services& s, const std::string& username,
                      const std::string& client_address);
Status TooManyFailures(Timestamp until);

struct Authenticated {
  Actor actor;
  Session session;
  Timestamp expires_at{};  // idle or absolute limit, whichever comes first
  // SEC-03: reset by an administrator, or older than the partnership's maximum age. Until
  // it is changed, the user may do nothing else.
  bool password_change_required = false;
  // SEC-03: the partnership requires two-factor sign-in for the user's role and they have not
  // set it up. Until they do, the user may do nothing else.
  bool two_factor_setup_required = false;
};

// Unauthenticated when the token is unknown, ended or timed out. With activity, the request
// counts as the user doing something and pushes back the idle time-out; a page asking only
// how long is left passes false. With may_keep, a kept session (app/kept_sessions.h) may stand
// in for reading it, when one is kept, has not timed out and needs no activity written: the
// actor then carries it (Actor::kept_session), and the request's use case must check it with
// SendKeptSessionAhead and CheckKeptSession before it decides or shows anything.
Result<Authenticated> Authenticate(const Services& s, const std::string& token, const std::string& client_address,
                                   bool activity = true, bool may_keep = false);

// For a use case acting for an actor with a kept session: sends the read of the session and
// its user ahead, to travel with the unit of work's first read (a no-op for other actors) ...
void SendKeptSessionAhead(store::Connection& c, const Actor& actor);
// ... and then, before deciding anything, checks that they are still as kept and that the
// session has not timed out, saying how it went in the actor's KeptSessionCheck.
// Unauthenticated when they are not.
Status CheckKeptSession(store::Connection& c, const Services& s, const Actor& actor);
// The same check, for a use case that read the session's version itself (with a case record,
// store::RecordReadWith::session_token_hash) instead of sending it ahead: none if it is gone.
Status CheckKeptSessionVersion(const Services& s, const Actor& actor, std::optional<int64_t> version);
// Forgets the session kept for this token, if any.
void ForgetKeptSession(const Services& s, const std::string& token);

Status SignOut(const Services& s, const Actor& actor);

// SEC-02: the user's sessions still open, so they can see where they are signed in.
struct OpenSession {
  Session session;
  Timestamp expires_at{};
  bool current = false;
};
Result<std::vector<OpenSession>> ListOwnSessions(const Services& s, const Actor& actor);
// Ends one of the user's own sessions (for example one left open on another computer).
Status EndOwnSession(const Services& s, const Actor& actor, const std::string& session_id);

// Whether the user must change their password before doing anything else.
bool PasswordChangeRequired(const User& user, const PasswordPolicy& policy, Timestamp now);

// When a session with this history ends, whichever limit comes first.
Timestamp SessionExpiry(const Session& session, const SessionPolicy& policy);

}  // namespace casework::app
