// Grants, restricted-record names, break-glass access and items shared with partners.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/record_access.h"
#include "store/database.h"

namespace casework::store {

// SQL true when the case record joined as `record` (possibly NULL: a person without one) may be
// listed to the user bound to its one parameter: it is not restricted, or it names them. Lists
// filter in the query with this, as VisibleInLists decides for one record.
std::string ListableToViewerSql(std::string_view record, std::string_view person_id);

// A user's active grant and break-glass on a record, read in another query's statement
// (PostgreSQL only: two LEFT JOIN LATERALs, one row each at most, the rows ActiveGrant and
// ActiveBreakGlass would read). UserAccessJoinsSql joins them onto the record whose id is the
// SQL expression record_id; it takes four parameters: the user's id and the time, twice.
// UserAccessColumnsSql names their columns, which UserAccessAt reads from column `at` on.
// Only what deciding access uses is read: the grant's record, user, purpose and expiry, and
// the break-glass's record, user and reason; their other fields are left empty.
std::string UserAccessColumnsSql();
constexpr int kUserAccessColumnCount = 3;
std::string UserAccessJoinsSql(std::string_view record_id);
void UserAccessAt(const Cursor& row, int at, const std::string& record_id, const std::string& user_id,
                  std::optional<AccessGrant>& grant, std::optional<BreakGlass>& glass);

class RecordAccessRepo {
 public:
  explicit RecordAccessRepo(Connection& c) : c_(c) {}

  void InsertGrant(const AccessGrant& grant);
  std::vector<AccessGrant> Grants(const std::string& record_id);
  std::optional<AccessGrant> Grant(const std::string& grant_id);
  // The grant to this user that is open at `at` and lasts longest, if any.
  std::optional<AccessGrant> ActiveGrant(const std::string& record_id, const std::string& user_id, Timestamp at);
  bool RevokeGrant(const std::string& grant_id, const std::string& by, Timestamp at);
  // Records with a grant to this user open at `at`.
  std::vector<std::string> GrantedRecords(const std::string& user_id, Timestamp at);

  void SetRestricted(const std::string& record_id, bool restricted);
  std::vector<std::string> NamedUsers(const std::string& record_id);
  bool IsNamed(const std::string& record_id, const std::string& user_id);
  void ReplaceNamedUsers(const std::string& record_id, const std::vector<std::string>& user_ids,
                         const std::string& named_by, Timestamp at);

  void InsertBreakGlass(const BreakGlass& b);
  std::optional<BreakGlass> ActiveBreakGlass(const std::string& record_id, const std::string& user_id, Timestamp at);
  // Sends the reads of ActiveGrant and ActiveBreakGlass (and IsNamed, for a restricted record)
  // ahead of them, to share one round trip (Connection::Prefetch).
  void PrefetchUserAccess(const std::string& record_id, const std::string& user_id, Timestamp at, bool restricted);
  std::optional<BreakGlass> GetBreakGlass(const std::string& id);
  // Awaiting review by a manager of this team (or, with an empty team, by an auditor); all
  // awaiting review when all is true.
  std::vector<BreakGlass> AwaitingReview(const std::string& team_id, bool all);
  bool Review(const std::string& id, const std::string& by, Timestamp at, bool justified, const std::string& note);

  // Who recorded the person (the author of the first item in their journal).
  std::string Creator(const std::string& person_id);
  // Whether an entry in the record names this user as the one who gave its information.
  bool GaveInformationFor(const std::string& record_id, const std::string& user_id);

  void InsertShare(const SharedItem& share);
  // Ids of the record's items shared with this user or their agency.
  std::vector<std::string> SharedWith(const std::string& record_id, const std::string& user_id,
                                      const std::string& agency);

 private:
  Connection& c_;
};

}  // namespace casework::store
