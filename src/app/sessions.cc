#include "app/sessions.h"

#include <algorithm>
#include <cctype>

#include "app/audit.h"
#include "crypto/crypto.h"
#include "store/sign_in_failure_repo.h"
#include "store/user_repo.h"

namespace casework::app {
namespace {

// Writing last_seen_at on every request would make every read a write; within this much
// of the last write, activity is not written again. Sessions may so end up to this much early.
constexpr std::chrono::seconds kTouchGranularity{15};

constexpr size_t kTokenBytes = 32;  // 256 bits

crypto::PasswordCost CostOf(const PasswordPolicy& p) { return {p.ops_limit, p.mem_limit_bytes}; }

Status BadCredentials() {
  return Status(StatusCode::kUnauthenticated, "the username or password is not right");
}

std::string AccountSubject(const std::string& username) {
  std::string lower = username;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "user:" + lower;
}

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

}  // namespace

Timestamp SessionExpiry(const Session& session, const SessionPolicy& policy) {
  return std::min(session.last_seen_at + policy.idle_timeout, session.created_at + policy.absolute_timeout);
}

Result<SignedIn> SignIn(const Services& s, const std::string& username, const std::string& password,
                        const std::string& client_address, const std::string& user_agent) {
  std::optional<User> user;
  std::optional<Timestamp> locked;
  const std::string account = AccountSubject(username), address = "address:" + client_address;
  Timestamp now = s.clock.Now();
  Status st = s.db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).FindByUsername(username);
    locked = LockedUntil(c, s.settings.sign_in, now, account, address);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (locked) {
    // The password is not even checked, so guessing gains nothing while locked.
    Status logged = s.db.Write([&](store::Connection& c) {
      AuditAnonymous(c, s, username, client_address,
                     {"sign_in", "", false, "locked after repeated failures", "until " + FormatTimestamp(*locked)});
      return Status::Ok();
    });
    if (!logged.ok()) return logged;
    return Status(StatusCode::kTooManyRequests,
                  "too many failed sign-ins for this account or from this address; try again after " +
                      FormatTimestamp(*locked));
  }
  bool good = user && !user->disabled && crypto::VerifyPassword(user->password_hash, password);
  if (!good) {
    // Each failure is logged with who and where, never with the password tried.
    Status logged = s.db.Write([&](store::Connection& c) {
      store::SignInFailureRepo failures(c);
      failures.Add(account, now);
      failures.Add(address, now);
      failures.PruneBefore(now - s.settings.sign_in.lockout);
      AuditAnonymous(c, s, username, client_address,
                     {"sign_in", "", false, user && user->disabled ? "account disabled" : "wrong username or password",
                      ""});
      return Status::Ok();
    });
    return logged.ok() ? BadCredentials() : logged;
  }
  SignedIn out;
  out.token = crypto::RandomHex(kTokenBytes);
  out.user = *user;
  Session& session = out.session;
  session.id = s.ids.Next();
  session.token_hash = crypto::HashHex(out.token);
  session.user_id = user->id;
  session.csrf_token = crypto::RandomHex(kTokenBytes);
  session.created_at = session.last_seen_at = s.clock.Now();
  session.client_address = client_address;
  session.user_agent = user_agent.substr(0, 300);
  std::optional<std::string> rehash;
  if (crypto::PasswordNeedsRehash(user->password_hash, CostOf(s.settings.passwords))) {
    rehash = crypto::HashPassword(password, CostOf(s.settings.passwords));
  }
  Actor actor{*user, session.id, client_address};
  st = s.db.Write([&](store::Connection& c) {
    store::SessionRepo(c).Insert(session);
    store::SignInFailureRepo(c).Clear(account);
    if (rehash) store::UserRepo(c).SetPasswordHash(user->id, *rehash);
    Audit(c, s, actor, {"sign_in", "", true, "password", "session " + session.id});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  out.expires_at = SessionExpiry(session, s.settings.sessions);
  return out;
}

Result<Authenticated> Authenticate(const Services& s, const std::string& token, const std::string& client_address,
                                   bool activity) {
  const Status expired(StatusCode::kUnauthenticated, "your session has ended; please sign in again");
  if (token.size() != 2 * kTokenBytes) return expired;
  std::string hash = crypto::HashHex(token);
  Authenticated out;
  std::optional<Session> session;
  std::optional<User> user;
  Status st = s.db.Read([&](store::Connection& c) {
    session = store::SessionRepo(c).FindByTokenHash(hash);
    if (session) user = store::UserRepo(c).Get(session->user_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!session || !user || session->ended_at || user->disabled) return expired;
  Timestamp now = s.clock.Now();
  if (now >= SessionExpiry(*session, s.settings.sessions)) {
    bool idle = now >= session->last_seen_at + s.settings.sessions.idle_timeout;
    st = s.db.Write([&](store::Connection& c) {
      store::SessionRepo(c).End(session->id, now, idle ? "idle time-out" : "absolute time-out");
      return Status::Ok();
    });
    return st.ok() ? expired : st;
  }
  if (activity && now - session->last_seen_at >= kTouchGranularity) {
    st = s.db.Write([&](store::Connection& c) {
      store::SessionRepo(c).Touch(hash, now);
      return Status::Ok();
    });
    if (!st.ok()) return st;
    session->last_seen_at = now;
  }
  out.actor = Actor{*user, session->id, client_address};
  out.expires_at = SessionExpiry(*session, s.settings.sessions);
  out.password_change_required = PasswordChangeRequired(*user, s.settings.passwords, now);
  out.session = std::move(*session);
  return out;
}

Status SignOut(const Services& s, const Actor& actor) {
  return s.db.Write([&](store::Connection& c) {
    store::SessionRepo(c).End(actor.session_id, s.clock.Now(), "signed out");
    Audit(c, s, actor, {"sign_out", "", true, "session", "session " + actor.session_id});
    return Status::Ok();
  });
}

bool PasswordChangeRequired(const User& user, const PasswordPolicy& policy, Timestamp now) {
  if (user.must_change_password) return true;
  return policy.max_age_days > 0 && now - user.password_changed_at >= std::chrono::hours(24 * policy.max_age_days);
}

Result<std::vector<OpenSession>> ListOwnSessions(const Services& s, const Actor& actor) {
  std::vector<OpenSession> out;
  Timestamp now = s.clock.Now();
  Status st = s.db.Read([&](store::Connection& c) {
    out.clear();
    for (Session& session : store::SessionRepo(c).OpenFor(actor.user.id)) {
      Timestamp expires = SessionExpiry(session, s.settings.sessions);
      if (expires <= now) continue;
      bool current = session.id == actor.session_id;
      out.push_back({std::move(session), expires, current});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status EndOwnSession(const Services& s, const Actor& actor, const std::string& session_id) {
  return s.db.Write([&](store::Connection& c) {
    store::SessionRepo sessions(c);
    std::vector<Session> open = sessions.OpenFor(actor.user.id);
    bool own = std::any_of(open.begin(), open.end(), [&](const Session& x) { return x.id == session_id; });
    // Another user's session is reported as not found, so ids cannot be probed.
    if (!own) return Status::NotFound("you have no open session " + session_id);
    sessions.End(session_id, s.clock.Now(), "ended by the user");
    Audit(c, s, actor, {"sign_out", "", true, "own session", "ended session " + session_id});
    return Status::Ok();
  });
}

}  // namespace casework::app
