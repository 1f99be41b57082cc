#include "app/record_access_management.h"

#include <algorithm>

#include "app/access.h"
#include "app/audit.h"
#include "app/journal_writer.h"
#include "app/person_support.h"
#include "core/entry_rules.h"
#include "core/journal_kinds.h"
#include "store/journal_repo.h"
#include "store/record_access_repo.h"
#include "store/user_repo.h"

namespace casework::app {
namespace json = boost::json;
namespace {

json::object GrantBody(const AccessGrant& g, const User& to) {
  return json::object{{"grant_id", g.id},         {"user_id", to.id},
                      {"username", to.username},  {"name", to.full_name},
                      {"agency", to.agency},      {"purpose", g.purpose},
                      {"expires_at", FormatTimestamp(g.expires_at)}};
}

}  // namespace

Result<AccessGrant> GrantAccess(const Services& s, const Actor& actor, const std::string& record_id, NewGrant in) {
  CASEWORK_RETURN_IF_ERROR(CheckText(in.purpose, "purpose", 500, true));
  Date today = Today(s);
  auto until = date::sys_days{in.until};
  if (until < date::sys_days{today}) return Status::Invalid("until", "must be today or later");
  if (until > date::sys_days{today} + date::days{s.settings.access.max_grant_days}) {
    return Status::Invalid("until", "may be at most " + std::to_string(s.settings.access.max_grant_days) +
                                        " days ahead; grant again when it runs out");
  }
  AccessGrant grant;
  Status st = WriteToRecord(s, actor, record_id, RecordOperation::kManageAccess, "granted access",
                            [&](store::Connection& c, const RecordAccess& access) {
    if (!access.case_record) return Status::Conflict("grants are made on a child's case record");
    auto to = store::UserRepo(c).Get(in.user_id);
    if (!to || to->disabled) return Status::Invalid("user_id", "names no active user");
    if (to->role == Role::kAdministrator) {
      return Status::Invalid("user_id", "administrators manage users and are never given access to records");
    }
    grant = {};
    grant.id = s.ids.Next();
    grant.record_id = record_id;
    grant.user_id = to->id;
    grant.purpose = in.purpose;
    grant.granted_by = actor.user.id;
    grant.granted_at = s.clock.Now();
    grant.expires_at = LondonMidnight(Date{until + date::days{1}});
    store::RecordAccessRepo(c).InsertGrant(grant);
    AppendItem(c, s, actor, {record_id, kinds::kAccessGranted, std::nullopt, "", GrantBody(grant, *to)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return grant;
}

Result<AccessGrant> RevokeAccess(const Services& s, const Actor& actor, const std::string& record_id,
                                 const std::string& grant_id) {
  AccessGrant grant;
  Status st = WriteToRecord(s, actor, record_id, RecordOperation::kManageAccess, "revoked grant " + grant_id,
                            [&](store::Connection& c, const RecordAccess&) {
    store::RecordAccessRepo repo(c);
    auto found = repo.Grant(grant_id);
    if (!found || found->record_id != record_id) return Status::NotFound("there is no grant " + grant_id + " here");
    if (!repo.RevokeGrant(grant_id, actor.user.id, s.clock.Now())) {
      return Status::Conflict("this grant has already been revoked");
    }
    grant = *repo.Grant(grant_id);
    auto to = store::UserRepo(c).Get(grant.user_id);
    AppendItem(c, s, actor, {record_id, kinds::kAccessRevoked, std::nullopt, "", GrantBody(grant, *to)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return grant;
}

Result<std::vector<AccessGrant>> ListGrants(const Services& s, const Actor& actor, const std::string& record_id) {
  std::vector<AccessGrant> out;
  Status st = ReadRecordAs(s, actor, record_id, "listed grants", [&](store::Connection& c, const RecordAccess& a) {
    if (a.partner_view) return Status::Denied("partner agency staff cannot see who else has access to a record");
    out = store::RecordAccessRepo(c).Grants(record_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<RestrictionView> SetRestriction(const Services& s, const Actor& actor, const std::string& record_id,
                                       Restriction in) {
  CASEWORK_RETURN_IF_ERROR(CheckText(in.reason, "reason", 1000, true));
  if (!in.restricted && !in.named_user_ids.empty()) {
    return Status::Invalid("named_user_ids", "names users only when the record is restricted");
  }
  if (in.restricted && std::find(in.named_user_ids.begin(), in.named_user_ids.end(), actor.user.id) ==
                           in.named_user_ids.end()) {
    in.named_user_ids.push_back(actor.user.id);
  }
  RestrictionView view;
  Status st = WriteToRecord(s, actor, record_id, RecordOperation::kManageAccess,
                            in.restricted ? "restricted the record" : "lifted the restriction",
                            [&](store::Connection& c, const RecordAccess& access) {
    if (!access.case_record) return Status::Conflict("only a child's case record is restricted");
    json::array names;
    store::UserRepo users(c);
    for (const std::string& id : in.named_user_ids) {
      auto user = users.Get(id);
      if (!user || user->disabled) return Status::Invalid("named_user_ids", "includes " + id + ", no active user");
      if (user->role == Role::kAdministrator) {
        return Status::Invalid("named_user_ids", "includes an administrator, who has no access to records");
      }
      names.push_back(json::object{{"user_id", user->id}, {"name", user->full_name}});
    }
    store::RecordAccessRepo repo(c);
    repo.SetRestricted(record_id, in.restricted);
    repo.ReplaceNamedUsers(record_id, in.named_user_ids, actor.user.id, s.clock.Now());
    AppendItem(c, s, actor,
               {record_id, kinds::kRestrictionChanged, std::nullopt, "",
                json::object{{"restricted", in.restricted}, {"named_users", std::move(names)}, {"reason", in.reason}}});
    view = {in.restricted, repo.NamedUsers(record_id)};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

Result<SharedItem> ShareItem(const Services& s, const Actor& actor, const std::string& record_id,
                             const std::string& item_id, NewShare in) {
  CASEWORK_RETURN_IF_ERROR(CheckText(in.purpose, "purpose", 500, true));
  if (in.user_id.empty() == in.agency.empty()) {
    return Status::Invalid("user_id", "give either user_id or agency: who the item is shared with");
  }
  SharedItem share;
  Status st = WriteToRecord(s, actor, record_id, RecordOperation::kManageAccess, "shared item " + item_id,
                            [&](store::Connection& c, const RecordAccess&) {
    auto item = store::JournalRepo(c).Get(item_id);
    if (!item || item->record_id != record_id) return Status::NotFound("there is no item " + item_id + " here");
    json::object body{{"item_id", item_id}, {"purpose", in.purpose}};
    if (!in.user_id.empty()) {
      auto to = store::UserRepo(c).Get(in.user_id);
      if (!to || to->disabled) return Status::Invalid("user_id", "names no active user");
      body["user_id"] = to->id;
      body["name"] = to->full_name;
      body["agency"] = to->agency;
    } else {
      body["agency"] = in.agency;
    }
    share = {s.ids.Next(), record_id, item_id, in.user_id, in.agency, in.purpose, actor.user.id, s.clock.Now()};
    store::RecordAccessRepo(c).InsertShare(share);
    AppendItem(c, s, actor, {record_id, kinds::kItemShared, std::nullopt, item_id, std::move(body)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return share;
}

}  // namespace casework::app
