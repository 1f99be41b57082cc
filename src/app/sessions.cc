#include "app/sessions.h"

#include <algorithm>

#include "app/audit.h"
#include "app/kept_sessions.h"
#include "app/two_factor.h"
#include "crypto/crypto.h"
#include "store/user_repo.h"

namespace casework::app {
namespace {

// Writing last_seen_at on every request would make every read a write; within this much
// of the last write, activity is not written again. Sessions may so end up to this much early.
constexpr std::chrono::seconds kTouchGranularity{15};

}  // namespace

Timestamp SessionExpiry(const Session& session, const SessionPolicy& policy) {
  return std::min(session.last_seen_at + policy.idle_timeout, session.created_at + policy.absolute_timeout);
}

namespace {

const Status& SessionEnded() {
  static const Status ended(StatusCode::kUnauthenticated, "your session has ended; please sign in again");
  return ended;
}

Authenticated AuthenticatedAs(const Services& s, const Session& session, const User& user,
                              const std::string& client_address, Timestamp now) {
  Authenticated out;
  out.actor = Actor{user, session.id, client_address, nullptr};
  out.expires_at = SessionExpiry(session, s.settings.sessions);
  out.password_change_required = PasswordChangeRequired(user, s.settings.passwords, now);
  out.two_factor_setup_required = TwoFactorRequired(s.settings, user.role) && !TwoFactorOn(user);
  out.session = session;
  return out;
}

}  // namespace

Result<Authenticated> Authenticate(const Services& s, const std::string& token, const std::string& client_address,
                                   bool activity, bool may_keep) {
  if (token.size() != 2 * kSessionTokenBytes) return SessionEnded();
  std::string hash = crypto::HashHex(token);
  Timestamp now = s.clock.Now();
  if (may_keep && s.kept_sessions) {
    if (auto kept = s.kept_sessions->Find(hash)) {
      // Used only while nothing needs writing for it: no time-out to record, no activity due.
      bool current = now < SessionExpiry(kept->session, s.settings.sessions);
      bool touch_due = activity && now - kept->session.last_seen_at >= kTouchGranularity;
      if (current && !touch_due) {
        Authenticated out = AuthenticatedAs(s, kept->session, kept->user, client_address, now);
        out.actor.kept_session = std::make_shared<KeptSessionCheck>();
        out.actor.kept_session->token_hash = std::move(hash);
        out.actor.kept_session->session = kept->session;
        out.actor.kept_session->version = kept->version;
        return out;
      }
    }
  }
  std::optional<Session> session;
  std::optional<User> user;
  int64_t version = 0;
  Status st = s.db.Read([&](store::Connection& c) {
    session.reset();
    user.reset();
    if (auto found = store::SessionRepo(c).FindWithUser(hash)) {
      session = std::move(found->session);
      user = std::move(found->user);
      version = found->version;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!session || !user || session->ended_at || user->disabled) {
    if (s.kept_sessions) s.kept_sessions->Forget(hash);
    return SessionEnded();
  }
  now = s.clock.Now();
  if (now >= SessionExpiry(*session, s.settings.sessions)) {
    if (s.kept_sessions) s.kept_sessions->Forget(hash);
    bool idle = now >= session->last_seen_at + s.settings.sessions.idle_timeout;
    st = s.db.Write([&](store::Connection& c) {
      store::SessionRepo(c).End(session->id, now, idle ? "idle time-out" : "absolute time-out");
      return Status::Ok();
    });
    return st.ok() ? SessionEnded() : st;
  }
  if (activity && now - session->last_seen_at >= kTouchGranularity) {
    st = s.db.Write([&](store::Connection& c) {
      store::SessionRepo(c).Touch(hash, now);
      return Status::Ok();
    });
    if (!st.ok()) return st;
    session->last_seen_at = now;
  }
  if (s.kept_sessions) s.kept_sessions->Keep(hash, *session, *user, version);
  return AuthenticatedAs(s, *session, *user, client_address, now);
}

void SendKeptSessionAhead(store::Connection& c, const Actor& actor) {
  if (actor.kept_session) store::SessionRepo(c).SendVersionAhead(actor.kept_session->token_hash);
}

Status CheckKeptSession(store::Connection& c, const Services& s, const Actor& actor) {
  if (!actor.kept_session) return Status::Ok();
  return CheckKeptSessionVersion(s, actor, store::SessionRepo(c).Version(actor.kept_session->token_hash));
}

Status CheckKeptSessionVersion(const Services& s, const Actor& actor, std::optional<int64_t> version) {
  KeptSessionCheck* check = actor.kept_session.get();
  if (!check) return Status::Ok();
  // The version kept: the session and its user are as they were read (open, the user enabled),
  // so everything decided for the actor holds. And not timed out, reckoning from the activity
  // kept, which is never later than the activity stored (another server may have moved it on).
  bool held = version && *version == check->version &&
              s.clock.Now() < SessionExpiry(check->session, s.settings.sessions);
  check->outcome = held ? KeptSessionCheck::Outcome::kHeld : KeptSessionCheck::Outcome::kGone;
  return held ? Status::Ok() : SessionEnded();
}

void ForgetKeptSession(const Services& s, const std::string& token) {
  if (s.kept_sessions) s.kept_sessions->Forget(crypto::HashHex(token));
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
