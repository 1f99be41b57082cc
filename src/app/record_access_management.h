// Managing who may see a child's record (SEC-04, SEC-05): named grants, restriction to named
// users, break-glass access and its review, sharing items with partner agencies, and the
// access log reports (GOV-06). Each goes through the checks in access.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/services.h"
#include "core/access_event.h"
#include "core/record_access.h"

namespace casework::app {

struct NewGrant {
  std::string user_id;
  std::string purpose;
  Date until{};  // the last day of the grant; it ends as that London day ends
};

// By the allocated worker or the allocated team's manager.
Result<AccessGrant> GrantAccess(const Services& s, const Actor& actor, const std::string& record_id, NewGrant grant);
Result<AccessGrant> RevokeAccess(const Services& s, const Actor& actor, const std::string& record_id,
                                 const std::string& grant_id);
Result<std::vector<AccessGrant>> ListGrants(const Services& s, const Actor& actor, const std::string& record_id);

struct Restriction {
  bool restricted = false;
  std::vector<std::string> named_user_ids;  // the actor is always named as well
  std::string reason;
};
struct RestrictionView {
  bool restricted = false;
  std::vector<std::string> named_user_ids;
};
Result<RestrictionView> SetRestriction(const Services& s, const Actor& actor, const std::string& record_id,
                                       Restriction restriction);

// Opens the record for the user for the configured time, alerting their manager.
Result<BreakGlass> OpenWithBreakGlass(const Services& s, const Actor& actor, const std::string& record_id,
                                      const std::string& reason);
// What the actor must review: for a team manager, their team's; for an auditor, all.
Result<std::vector<BreakGlass>> BreakGlassAwaitingReview(const Services& s, const Actor& actor);
Result<BreakGlass> ReviewBreakGlass(const Services& s, const Actor& actor, const std::string& break_glass_id,
                                    bool justified, const std::string& note);

struct NewShare {
  std::string user_id;  // a partner agency user, or
  std::string agency;   // everyone in a partner agency
  std::string purpose;
};
Result<SharedItem> ShareItem(const Services& s, const Actor& actor, const std::string& record_id,
                             const std::string& item_id, NewShare share);

struct AccessLogPage {
  std::vector<AccessEvent> events;  // newest first
  bool more = false;
};
// Who has looked at or changed a record: for auditors and the managers of its team.
Result<AccessLogPage> RecordAccessLog(const Services& s, const Actor& actor, const std::string& record_id,
                                      const std::string& before_id, int limit);
// Everything one user has done: for auditors and the user's own team manager.
Result<AccessLogPage> UserAccessLog(const Services& s, const Actor& actor, const std::string& user_id,
                                    const std::string& before_id, int limit);

}  // namespace casework::app
