// Signing in: the password, then for users with two-factor on a one-time code (SEC-01,
// SEC-03). Declared in sessions.h.
#include <cctype>

#include "app/audit.h"
#include "app/sessions.h"
#include "app/two_factor.h"
#include "crypto/crypto.h"
#include "store/sign_in_failure_repo.h"
#include "store/user_repo.h"

namespace casework::app {
namespace {

// Long enough to open an app and type a code, short enough that a challenge seen over a
// shoulder is soon useless.
constexpr std::chrono::minutes kChallengeLifetime{5};
constexpr char kChallengeBinding[] = "sign-in challenge";

crypto::PasswordCost CostOf(const PasswordPolicy& p) { return {p.ops_limit, p.mem_limit_bytes}; }

Status BadCredentials() {
  return Status(StatusCode::kUnauthenticated, "the username or password is not right");
}

std::string AccountSubject(const std::string& username) {
  std::string lower = username;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "user:" + lower;
}

std::string AddressSubject(const std::string& client_address) { return "address:" + client_address; }

// SEC-03: when the account or the address has failed too often within the lockout period,
// the time the lock lifts; nullopt when sign-in may be tried.
std::optional<Timestamp> LockedUntil(store::Connection& c, const SignInPolicy& policy, Timestamp now,
                                     const std::string& account, const std::string& address) {
  store::SignInFailureRepo failures(c);
  Timestamp since = now - policy.lockout;
  std::optional<Timestamp> until;
  for (const std::string& subject : {account, address}) {
    if (failures.CountSince(subject, since) < policy.max_failures) continue;
    auto oldest = failures.OldestSince(subject, since);
    Timestamp lifts = (oldest ? *oldest : now) + policy.lockout;
    if (!until || lifts > *until) until = lifts;
  }
  return until;
}

// Logs a sign-in refused while locked; the password or code is not even checked, so
// guessing gains nothing while locked.
Status RefuseLocked(const Services& s, const std::string& username, const std::string& client_address,
                    Timestamp until) {
  Status logged = s.db.Write([&](store::Connection& c) {
    AuditAnonymous(c, s, username, client_address,
                   {"sign_in", "", false, "locked after repeated failures", "until " + FormatTimestamp(until)});
    return Status::Ok();
  });
  if (!logged.ok()) return logged;
  return TooManyFailures(until);
}

// Counts a failure against the account and the address, and logs it with who and where,
// never with the password or code tried.
void RecordFailure(store::Connection& c, const Services& s, const std::string& username,
                   const std::string& client_address, const std::string& why) {
  CountFailedGuess(c, s, username, client_address);
  AuditAnonymous(c, s, username, client_address, {"sign_in", "", false, why, ""});
}

Result<SignedIn> StartSession(const Services& s, const User& user, const std::string& client_address,
                             const std::string& user_agent, const std::string& basis,
                             const std::optional<std::string>& rehash) {
  SignedIn out;
  out.token = crypto::RandomHex(kSessionTokenBytes);
  out.user = user;
  Session& session = out.session;
  session.id = s.ids.Next();
  session.token_hash = crypto::HashHex(out.token);
  session.user_id = user.id;
  session.csrf_token = crypto::RandomHex(kSessionTokenBytes);
  session.created_at = session.last_seen_at = s.clock.Now();
  session.client_address = client_address;
  session.user_agent = user_agent.substr(0, 300);
  Actor actor{user, session.id, client_address};
  Status st = s.db.Write([&](store::Connection& c) {
    store::SessionRepo(c).Insert(session);
    store::SignInFailureRepo(c).Clear(AccountSubject(user.username));
    if (rehash) store::UserRepo(c).SetPasswordHash(user.id, *rehash);
    Audit(c, s, actor, {"sign_in", "", true, basis, "session " + session.id});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  out.expires_at = SessionExpiry(session, s.settings.sessions);
  return out;
}

SecondFactorNeeded Challenge(const Services& s, const User& user) {
  Timestamp expires = s.clock.Now() + kChallengeLifetime;
  std::string content = user.id + " " + FormatTimestamp(expires);
  return {s.server_key->Seal(content, kChallengeBinding), expires};
}

// The user a challenge was issued to, if this server issued it and it has not expired.
std::optional<std::string> ChallengedUser(const Services& s, const std::string& challenge) {
  if (!s.server_key) return std::nullopt;
  std::optional<std::string> content = s.server_key->Open(challenge, kChallengeBinding);
  if (!content) return std::nullopt;
  size_t space = content->find(' ');
  if (space == std::string::npos) return std::nullopt;
  auto expires = ParseTimestamp(content->substr(space + 1), "expires");
  if (!expires.ok() || s.clock.Now() >= *expires) return std::nullopt;
  return content->substr(0, space);
}

}  // namespace

Result<SignedIn> SignIn(const Services& s, const std::string& username, const std::string& password,
                        const std::string& client_address, const std::string& user_agent) {
  std::optional<User> user;
  std::optional<Timestamp> locked;
  Status st = s.db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).FindByUsername(username);
    locked = LockedUntil(c, s.settings.sign_in, s.clock.Now(), AccountSubject(username),
                         AddressSubject(client_address));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (locked) return RefuseLocked(s, username, client_address, *locked);
  bool good = user && !user->disabled && crypto::VerifyPassword(user->password_hash, password);
  if (!good) {
    Status logged = s.db.Write([&](store::Connection& c) {
      RecordFailure(c, s, username, client_address,
                    user && user->disabled ? "account disabled" : "wrong username or password");
      return Status::Ok();
    });
    return logged.ok() ? BadCredentials() : logged;
  }
  std::optional<std::string> rehash;
  if (crypto::PasswordNeedsRehash(user->password_hash, CostOf(s.settings.passwords))) {
    rehash = crypto::HashPassword(password, CostOf(s.settings.passwords));
  }
  if (TwoFactorOn(*user)) {
    // Never fall back to the password alone.
    if (!s.server_key) {
      return Status(StatusCode::kUnavailable,
                    "this account signs in with a one-time code, but the server was started without its key");
    }
    if (rehash) {
      // The password was right; its hash is upgraded now, as the code step never sees it.
      st = s.db.Write([&](store::Connection& c) {
        store::UserRepo(c).SetPasswordHash(user->id, *rehash);
        return Status::Ok();
      });
      if (!st.ok()) return st;
    }
    SignedIn out;
    out.user = *user;
    out.second_factor = Challenge(s, *user);
    return out;
  }
  return StartSession(s, *user, client_address, user_agent, "password", rehash);
}

Result<SignedIn> CompleteSignIn(const Services& s, const std::string& challenge, const std::string& code,
                                const std::string& client_address, const std::string& user_agent) {
  std::optional<std::string> user_id = ChallengedUser(s, challenge);
  if (!user_id) {
    return Status(StatusCode::kUnauthenticated, "this sign-in has expired; please give your password again",
                  "challenge");
  }
  std::optional<User> user;
  std::optional<Timestamp> locked;
  Status st = s.db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).Get(*user_id);
    if (user) {
      locked = LockedUntil(c, s.settings.sign_in, s.clock.Now(), AccountSubject(user->username),
                           AddressSubject(client_address));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!user || user->disabled || !TwoFactorOn(*user)) {
    return Status(StatusCode::kUnauthenticated, "this sign-in can no longer be completed; please sign in again",
                  "challenge");
  }
  if (locked) return RefuseLocked(s, user->username, client_address, *locked);
  bool accepted = false;
  st = s.db.Write([&](store::Connection& c) {
    accepted = AcceptCode(c, s, *user, code);
    if (!accepted) RecordFailure(c, s, user->username, client_address, "wrong or reused one-time code");
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!accepted) {
    return Status(StatusCode::kUnauthenticated, "the code is not right, or has been used already; try the next one",
                  "code");
  }
  return StartSession(s, *user, client_address, user_agent, "password and one-time code", std::nullopt);
}

std::optional<Timestamp> GuessingLockedUntil(store::Connection& c, const Services& s, const std::string& username,
                                             const std::string& client_address) {
  return LockedUntil(c, s.settings.sign_in, s.clock.Now(), AccountSubject(username), AddressSubject(client_address));
}

void CountFailedGuess(store::Connection& c, const Services& s, const std::string& username,
                      const std::string& client_address) {
  Timestamp now = s.clock.Now();
  store::SignInFailureRepo failures(c);
  failures.Add(AccountSubject(username), now);
  failures.Add(AddressSubject(client_address), now);
  failures.PruneBefore(now - s.settings.sign_in.lockout);
}

Status TooManyFailures(Timestamp until) {
  return Status(StatusCode::kTooManyRequests,
                "too many failed sign-ins for this account or from this address; try again after " +
                    FormatTimestamp(until));
}

}  // namespace casework::app
