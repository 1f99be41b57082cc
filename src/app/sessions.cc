#include "app/sessions.h"

#include "app/audit.h"
#include "crypto/crypto.h"
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

}  // namespace

Timestamp SessionExpiry(const Session& session, const SessionPolicy& policy) {
  return std::min(session.last_seen_at + policy.idle_timeout, session.created_at + policy.absolute_timeout);
}

Result<SignedIn> SignIn(const Services& s, const std::string& username, const std::string& password,
                        const std::string& client_address, const std::string& user_agent) {
  std::optional<User> user;
  Status st = s.db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).FindByUsername(username);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  bool good = user && !user->disabled && crypto::VerifyPassword(user->password_hash, password);
  if (!good) {
    Status logged = s.db.Write([&](store::Connection& c) {
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

}  // namespace casework::app
