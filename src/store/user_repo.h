// Users, teams and sessions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/user.h"
#include "store/database.h"

namespace casework::store {

// For a query elsewhere that reads a user with something else in one statement: the users
// table's columns as alias.column, in the order UserAt reads them from column `at` on.
std::string UserColumnsOf(std::string_view alias);
User UserAt(const Cursor& row, int at = 0);
constexpr int kUserColumnCount = 14;  // how many columns UserAt reads

class UserRepo {
 public:
  explicit UserRepo(Connection& c) : c_(c) {}

  void Insert(const User& user);
  std::optional<User> Get(const std::string& id);
  std::optional<User> FindByUsername(const std::string& username);
  void SetPassword(const std::string& id, const std::string& hash, Timestamp changed_at, bool must_change);
  void SetPasswordHash(const std::string& id, const std::string& hash);
  // Two-factor: the sealed secret (empty clears it) and the last step used (0: not confirmed).
  void SetTotp(const std::string& id, const std::string& sealed_secret, int64_t last_step);
  // Records that the code for step was used; false if that step or a later one already was.
  bool UseTotpStep(const std::string& id, int64_t step);
  std::vector<User> List();

  void InsertTeam(const std::string& id, const std::string& name, const std::string& agency);
  std::optional<std::string> FindTeamByName(const std::string& name);
  std::optional<std::string> TeamName(const std::string& id);
  // Sends TeamName's read ahead of it (Connection::Prefetch).
  void PrefetchTeamName(const std::string& id);

 private:
  Connection& c_;
};

// A session found by its token, with the user it belongs to (none if there is no such user).
struct SessionWithUser {
  Session session;
  std::optional<User> user;
  // Moved on by every change to the session (but activity) or to its user (migration 0017).
  int64_t version = 0;
};

class SessionRepo {
 public:
  explicit SessionRepo(Connection& c) : c_(c) {}

  void Insert(const Session& s);
  // In one query: every request asks, so on a database server it is one round trip, not two.
  std::optional<SessionWithUser> FindWithUser(const std::string& token_hash);
  // The session's version alone (see SessionWithUser); none if there is no such session.
  std::optional<int64_t> Version(const std::string& token_hash);
  // Sends Version's read ahead of it (Connection::SendAhead): it must then be called.
  void SendVersionAhead(const std::string& token_hash);
  void Touch(const std::string& token_hash, Timestamp at);
  void End(const std::string& session_id, Timestamp at, const std::string& reason);
  std::vector<Session> OpenFor(const std::string& user_id);

 private:
  Connection& c_;
};

}  // namespace casework::store
