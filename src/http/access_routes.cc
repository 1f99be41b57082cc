// Who may see a child's record: grants, restriction, break-glass and its review, sharing
// with partner agencies, and the access logs (SEC-04, SEC-05, GOV-06).
#include "app/record_access_management.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

json::value OptTime(const std::optional<Timestamp>& t) { return t ? json::value(FormatTimestamp(*t)) : nullptr; }

json::object GrantJson(const AccessGrant& g) {
  return json::object{{"id", g.id},
                      {"record_id", g.record_id},
                      {"user_id", g.user_id},
                      {"purpose", g.purpose},
                      {"granted_by", g.granted_by},
                      {"granted_at", FormatTimestamp(g.granted_at)},
                      {"expires_at", FormatTimestamp(g.expires_at)},
                      {"revoked_at", OptTime(g.revoked_at)},
                      {"revoked_by", g.revoked_by.empty() ? json::value(nullptr) : json::value(g.revoked_by)}};
}

json::object BreakGlassJson(const BreakGlass& b) {
  return json::object{{"id", b.id},
                      {"record_id", b.record_id},
                      {"user_id", b.user_id},
                      {"username", b.username},
                      {"reason", b.reason},
                      {"started_at", FormatTimestamp(b.started_at)},
                      {"expires_at", FormatTimestamp(b.expires_at)},
                      {"reviewed_by", b.reviewed_by.empty() ? json::value(nullptr) : json::value(b.reviewed_by)},
                      {"reviewed_at", OptTime(b.reviewed_at)},
                      {"justified", b.justified ? json::value(*b.justified) : json::value(nullptr)},
                      {"review_note", b.review_note}};
}

json::object EventJson(const AccessEvent& e) {
  return json::object{{"id", e.id},
                      {"at", FormatTimestamp(e.at)},
                      {"user_id", e.user_id.empty() ? json::value(nullptr) : json::value(e.user_id)},
                      {"username", e.username},
                      {"client_address", e.client_address},
                      {"action", e.action},
                      {"record_id", e.record_id.empty() ? json::value(nullptr) : json::value(e.record_id)},
                      {"outcome", e.outcome},
                      {"basis", e.basis},
                      {"detail", e.detail}};
}

json::object PageJson(const app::AccessLogPage& page) {
  json::array events;
  for (const AccessEvent& e : page.events) events.push_back(EventJson(e));
  json::object out{{"events", std::move(events)}, {"more", page.more}};
  out["next_before"] = page.more ? json::value(page.events.back().id) : nullptr;
  return out;
}

Response ListGrants(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  return Answer(app::ListGrants(call.services, call.actor(), id), [](const auto& grants) {
    json::array out;
    for (const AccessGrant& g : grants) out.push_back(GrantJson(g));
    return json::object{{"grants", std::move(out)}};
  });
}

Response Grant(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::NewGrant in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.user_id = r.String("user_id", true);
        in.purpose = r.String("purpose", true);
        if (auto until = r.OptDate("until", true)) in.until = *until;
      })) {
    return *bad;
  }
  return Answer(app::GrantAccess(call.services, call.actor(), id, std::move(in)),
                [](const AccessGrant& g) { return json::object{{"grant", GrantJson(g)}}; }, 201);
}

Response Revoke(const Call& call) {
  std::string id, grant;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = PathId(call, "grant", grant)) return *bad;
  return Answer(app::RevokeAccess(call.services, call.actor(), id, grant),
                [](const AccessGrant& g) { return json::object{{"grant", GrantJson(g)}}; });
}

Response Restrict(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::Restriction in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.restricted = r.Bool("restricted", true);
        in.named_user_ids = r.Strings("named_user_ids");
        in.reason = r.String("reason", true);
      })) {
    return *bad;
  }
  return Answer(app::SetRestriction(call.services, call.actor(), id, std::move(in)),
                [](const app::RestrictionView& v) {
                  json::array named;
                  for (const std::string& u : v.named_user_ids) named.push_back(json::string(u));
                  return json::object{{"restricted", v.restricted}, {"named_user_ids", std::move(named)}};
                });
}

Response BreakGlassOpen(const Call& call) {
  std::string id, reason;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) { reason = r.String("reason", true); })) return *bad;
  return Answer(app::OpenWithBreakGlass(call.services, call.actor(), id, reason),
                [](const BreakGlass& b) { return json::object{{"break_glass", BreakGlassJson(b)}}; }, 201);
}

Response Reviews(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  return Answer(app::BreakGlassAwaitingReview(call.services, call.actor()), [](const auto& list) {
    json::array out;
    for (const BreakGlass& b : list) out.push_back(BreakGlassJson(b));
    return json::object{{"awaiting_review", std::move(out)}};
  });
}

Response Review(const Call& call) {
  std::string id, note;
  bool justified = false;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        justified = r.Bool("justified", true);
        note = r.String("note");
      })) {
    return *bad;
  }
  return Answer(app::ReviewBreakGlass(call.services, call.actor(), id, justified, note),
                [](const BreakGlass& b) { return json::object{{"break_glass", BreakGlassJson(b)}}; });
}

Response Share(const Call& call) {
  std::string id, item;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = PathId(call, "item", item)) return *bad;
  app::NewShare in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.user_id = r.String("user_id");
        in.agency = r.String("agency");
        in.purpose = r.String("purpose", true);
      })) {
    return *bad;
  }
  return Answer(app::ShareItem(call.services, call.actor(), id, item, std::move(in)), [](const SharedItem& s) {
    return json::object{{"share", json::object{{"id", s.id},
                                               {"item_id", s.item_id},
                                               {"user_id", s.user_id},
                                               {"agency", s.agency},
                                               {"purpose", s.purpose},
                                               {"shared_at", FormatTimestamp(s.shared_at)}}}};
  }, 201);
}

template <typename F>
Response Log(const Call& call, const char* param, F&& list) {
  std::string id;
  if (auto bad = PathId(call, param, id)) return *bad;
  if (auto bad = OnlyQuery(call.request, {"before", "limit"})) return *bad;
  Result<int> limit = QueryInt(call.request, "limit", 100, 1, 500);
  if (!limit.ok()) return ErrorResponse(limit.status());
  return Answer(list(id, call.request.QueryValue("before").value_or(""), *limit), PageJson);
}

Response RecordLog(const Call& call) {
  return Log(call, "id", [&](const std::string& id, const std::string& before, int limit) {
    return app::RecordAccessLog(call.services, call.actor(), id, before, limit);
  });
}

Response UserLog(const Call& call) {
  return Log(call, "id", [&](const std::string& id, const std::string& before, int limit) {
    return app::UserAccessLog(call.services, call.actor(), id, before, limit);
  });
}

}  // namespace

void AddAccessRoutes(Api& api) {
  api.Add("GET", "/api/v1/persons/{id}/grants", ListGrants);
  api.Add("POST", "/api/v1/persons/{id}/grants", Grant);
  api.Add("DELETE", "/api/v1/persons/{id}/grants/{grant}", Revoke);
  api.Add("PUT", "/api/v1/persons/{id}/restriction", Restrict);
  api.Add("POST", "/api/v1/persons/{id}/break-glass", BreakGlassOpen);
  api.Add("POST", "/api/v1/persons/{id}/entries/{item}/shares", Share);
  api.Add("GET", "/api/v1/persons/{id}/access-log", RecordLog);
  api.Add("GET", "/api/v1/users/{id}/access-log", UserLog);
  api.Add("GET", "/api/v1/break-glass", Reviews);
  api.Add("POST", "/api/v1/break-glass/{id}/review", Review);
}

}  // namespace casework::http
