#include "app/two_factor.h"

#include <algorithm>
#include <functional>

#include "app/audit.h"
#include "app/sessions.h"
#include "crypto/crypto.h"
#include "crypto/totp.h"
#include "store/user_repo.h"

namespace casework::app {
namespace {

constexpr char kIssuer[] = "Casework";

// The sealed secret is bound to its user, so a copy moved to another user's row opens nothing.
std::string SecretBinding(const std::string& user_id) { return "totp secret for " + user_id; }

Status NoServerKey() {
  return Status(StatusCode::kUnavailable,
                "two-factor sign-in is not available: the server was started without its key (--key-file)");
}

Status WrongCode() { return Status::Invalid("code", "is not the code your app shows now; try the next one"); }

// People type codes with spaces, as apps show them ("123 456").
std::string Digits(const std::string& code) {
  std::string out;
  std::copy_if(code.begin(), code.end(), std::back_inserter(out), [](char c) { return c != ' ' && c != '-'; });
  return out;
}

void EndSessions(store::Connection& c, const std::string& user_id, Timestamp at, const std::string& reason) {
  store::SessionRepo sessions(c);
  for (const Session& open : sessions.OpenFor(user_id)) sessions.End(open.id, at, reason);
}

std::optional<std::string> OpenSecret(const Services& s, const User& user) {
  if (!s.server_key || user.totp_secret.empty()) return std::nullopt;
  return s.server_key->Open(user.totp_secret, SecretBinding(user.id));
}

}  // namespace

bool TwoFactorRequired(const Settings& settings, Role role) {
  const auto& roles = settings.sign_in.two_factor_required_for;
  return std::any_of(roles.begin(), roles.end(), [&](const std::string& r) { return r == "all" || r == RoleName(role); });
}

bool AcceptCode(store::Connection& c, const Services& s, const User& user, const std::string& code) {
  std::optional<std::string> secret = OpenSecret(s, user);
  if (!secret) return false;
  std::optional<int64_t> step =
      crypto::MatchTotp(*secret, Digits(code), crypto::TotpStep(s.clock.Now()), user.totp_last_step);
  return step && store::UserRepo(c).UseTotpStep(user.id, *step);
}

Result<TwoFactorSetup> BeginTwoFactor(const Services& s, const Actor& actor) {
  if (!s.server_key) return NoServerKey();
  std::string secret(crypto::kTotpSecretBytes, '\0');
  crypto::SodiumRandom().Fill(reinterpret_cast<uint8_t*>(secret.data()), secret.size());
  Status st = s.db.Write([&](store::Connection& c) {
    store::UserRepo users(c);
    std::optional<User> user = users.Get(actor.user.id);
    if (!user) return Status::NotFound("your account no longer exists");
    if (TwoFactorOn(*user)) {
      return Status::Conflict("two-factor sign-in is already on; turn it off first to set up a new app");
    }
    users.SetTotp(user->id, s.server_key->Seal(secret, SecretBinding(user->id)), 0);
    Audit(c, s, actor, {"two_factor.begin", "", true, "own account", "new secret issued, awaiting a code"});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return TwoFactorSetup{crypto::Base32(secret), crypto::TotpUri(kIssuer, actor.user.username, secret)};
}

Status ConfirmTwoFactor(const Services& s, const Actor& actor, const std::string& code) {
  if (!s.server_key) return NoServerKey();
  bool accepted = false;
  Status st = s.db.Write([&](store::Connection& c) {
    std::optional<User> user = store::UserRepo(c).Get(actor.user.id);
    if (!user) return Status::NotFound("your account no longer exists");
    if (TwoFactorOn(*user)) return Status::Conflict("two-factor sign-in is already on");
    if (user->totp_secret.empty()) {
      return Status::Conflict("set-up has not begun: ask for a new secret first (POST /api/v1/sessions/current/two-factor)");
    }
    accepted = AcceptCode(c, s, *user, code);
    if (accepted) Audit(c, s, actor, {"two_factor.on", "", true, "own account", "confirmed with a code"});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!accepted) return Refuse(s, actor, {"two_factor.on", "", false, "", "wrong code"}, WrongCode());
  return Status::Ok();
}

Status TurnOffTwoFactor(const Services& s, const Actor& actor, const std::string& code) {
  if (TwoFactorRequired(s.settings, actor.user.role)) {
    return Refuse(s, actor, {"two_factor.off", "", false, "", "required for the role"},
                  Status::Denied(std::string("two-factor sign-in is required for your role (") +
                                 RoleName(actor.user.role) + ") and cannot be turned off"));
  }
  bool accepted = false;
  std::optional<Timestamp> locked;
  Status st = s.db.Write([&](store::Connection& c) {
    accepted = false;
    std::optional<User> user = store::UserRepo(c).Get(actor.user.id);
    if (!user) return Status::NotFound("your account no longer exists");
    if (!TwoFactorOn(*user)) return Status::Conflict("two-factor sign-in is not on");
    // SEC-03: guessing here counts towards the sign-in lock, and the lock stops it.
    locked = GuessingLockedUntil(c, s, user->username, actor.client_address);
    if (locked) return Status::Ok();
    accepted = AcceptCode(c, s, *user, code);
    if (!accepted) {
      CountFailedGuess(c, s, user->username, actor.client_address);
      return Status::Ok();
    }
    store::UserRepo(c).SetTotp(user->id, "", 0);
    Audit(c, s, actor, {"two_factor.off", "", true, "own account", "turned off with a code"});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (locked) {
    return Refuse(s, actor, {"two_factor.off", "", false, "", "locked after repeated failures"},
                  TooManyFailures(*locked));
  }
  if (!accepted) return Refuse(s, actor, {"two_factor.off", "", false, "", "wrong code"}, WrongCode());
  return Status::Ok();
}

namespace {

Status Reset(const Services& s, const Actor* actor, const std::function<std::optional<User>(store::UserRepo&)>& find,
             const std::string& asked_for) {
  return s.db.Write([&](store::Connection& c) {
    store::UserRepo users(c);
    std::optional<User> user = find(users);
    if (!user) return Status::NotFound("there is no user " + asked_for);
    users.SetTotp(user->id, "", 0);
    Timestamp now = s.clock.Now();
    EndSessions(c, user->id, now, "second factor reset by an administrator");
    AuditLine line{"two_factor.reset", "", true, actor ? "administrator" : "server command line",
                   user->username + " must set up two-factor sign-in again"};
    if (actor) Audit(c, s, *actor, line);
    else AuditAnonymous(c, s, "command line", "local", line);
    return Status::Ok();
  });
}

}  // namespace

Status ResetTwoFactor(const Services& s, const Actor* actor, const std::string& user_id) {
  if (actor && actor->user.role != Role::kAdministrator) {
    return Refuse(s, *actor, {"two_factor.reset", "", false, "", user_id},
                  Status::Denied("only an administrator can reset another user's two-factor sign-in"));
  }
  return Reset(s, actor, [&](store::UserRepo& users) { return users.Get(user_id); }, "with id " + user_id);
}

Status ResetTwoFactorByUsername(const Services& s, const std::string& username) {
  return Reset(s, nullptr, [&](store::UserRepo& users) { return users.FindByUsername(username); }, username);
}

}  // namespace casework::app
