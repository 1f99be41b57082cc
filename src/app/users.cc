#include "app/users.h"

#include <cctype>

#include "app/audit.h"
#include "core/entry_rules.h"
#include "core/password_rules.h"
#include "crypto/crypto.h"
#include "store/user_repo.h"

namespace casework::app {

Result<User> AddUser(const Services& s, const Actor* actor, NewUser in,
                     const std::unordered_set<std::string>& common_passwords) {
  if (actor && actor->user.role != Role::kAdministrator) {
    return Refuse(s, *actor, {"user.add", "", false, "", in.username},
                  Status::Denied("only an administrator can add users"));
  }
  if (in.username.size() < 2 || in.username.size() > 64) {
    return Status::Invalid("username", "must be 2 to 64 characters");
  }
  for (char c : in.username) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_') {
      return Status::Invalid("username", "may hold only letters, digits, '.', '-' and '_'");
    }
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(in.full_name, "full_name", 200, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(in.post_title, "post_title", 200, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(in.agency, "agency", 200, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(in.team, "team", 200, false));
  User user;
  user.id = s.ids.Next();
  user.username = in.username;
  user.full_name = in.full_name;
  user.post_title = in.post_title;
  user.role = in.role;
  user.agency = in.agency;
  user.must_change_password = in.must_change_password;
  user.created_at = user.password_changed_at = s.clock.Now();
  CASEWORK_RETURN_IF_ERROR(CheckPasswordStrength(in.password, user, s.settings.passwords, common_passwords));
  auto hash = crypto::HashPassword(in.password, {s.settings.passwords.ops_limit, s.settings.passwords.mem_limit_bytes});
  if (!hash) return Status::Internal("could not hash the password: out of memory");
  user.password_hash = *hash;
  Status st = s.db.Write([&](store::Connection& c) {
    store::UserRepo users(c);
    if (users.FindByUsername(user.username)) {
      return Status::Conflict("there is already a user called " + user.username, "username");
    }
    if (!in.team.empty()) {
      auto team = users.FindTeamByName(in.team);
      if (!team) {
        team = s.ids.Next();
        users.InsertTeam(*team, in.team, in.agency);
      }
      user.team_id = *team;
    }
    users.Insert(user);
    AuditLine line{"user.add", "", true, actor ? "administrator" : "server command line",
                   user.username + " as " + RoleName(user.role)};
    if (actor) Audit(c, s, *actor, line);
    else AuditAnonymous(c, s, "command line", "local", line);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return user;
}

namespace {

void EndSessions(store::Connection& c, const std::string& user_id, const std::string& keep, Timestamp at,
                 const std::string& reason) {
  store::SessionRepo sessions(c);
  for (const Session& open : sessions.OpenFor(user_id)) {
    if (open.id != keep) sessions.End(open.id, at, reason);
  }
}

}  // namespace

Status ChangeOwnPassword(const Services& s, const Actor& actor, const std::string& current_password,
                         const std::string& new_password, const std::unordered_set<std::string>& common_passwords) {
  std::optional<User> user;
  Status st = s.db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).Get(actor.user.id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!user || !crypto::VerifyPassword(user->password_hash, current_password)) {
    return Refuse(s, actor, {"password.change", "", false, "", "current password not right"},
                  Status::Invalid("current_password", "is not your current password"));
  }
  if (new_password == current_password) return Status::Invalid("new_password", "must differ from the current one");
  CASEWORK_RETURN_IF_ERROR(CheckPasswordStrength(new_password, *user, s.settings.passwords, common_passwords));
  auto hash = crypto::HashPassword(new_password, {s.settings.passwords.ops_limit, s.settings.passwords.mem_limit_bytes});
  if (!hash) return Status::Internal("could not hash the password: out of memory");
  return s.db.Write([&](store::Connection& c) {
    Timestamp now = s.clock.Now();
    store::UserRepo(c).SetPassword(user->id, *hash, now, false);
    EndSessions(c, user->id, actor.session_id, now, "password changed");
    Audit(c, s, actor, {"password.change", "", true, "own password", "other sessions ended"});
    return Status::Ok();
  });
}

Status ResetPassword(const Services& s, const Actor& actor, const std::string& user_id,
                     const std::string& temporary_password, const std::unordered_set<std::string>& common_passwords) {
  if (actor.user.role != Role::kAdministrator) {
    return Refuse(s, actor, {"password.reset", "", false, "", user_id},
                  Status::Denied("only an administrator can reset another user's password"));
  }
  std::optional<User> user;
  Status st = s.db.Read([&](store::Connection& c) {
    user = store::UserRepo(c).Get(user_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!user) return Status::NotFound("there is no user with id " + user_id);
  CASEWORK_RETURN_IF_ERROR(CheckPasswordStrength(temporary_password, *user, s.settings.passwords, common_passwords));
  auto hash =
      crypto::HashPassword(temporary_password, {s.settings.passwords.ops_limit, s.settings.passwords.mem_limit_bytes});
  if (!hash) return Status::Internal("could not hash the password: out of memory");
  return s.db.Write([&](store::Connection& c) {
    Timestamp now = s.clock.Now();
    store::UserRepo(c).SetPassword(user->id, *hash, now, true);
    EndSessions(c, user->id, "", now, "password reset by an administrator");
    Audit(c, s, actor, {"password.reset", "", true, "administrator", user->username + " must choose a new password"});
    return Status::Ok();
  });
}

}  // namespace casework::app
