// Managing users (administrators only).
#include "app/two_factor.h"
#include "app/users.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

Response AddUser(const Call& call) {
  app::NewUser in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.username = r.String("username", true);
        in.full_name = r.String("full_name", true);
        in.post_title = r.String("post_title", true);
        std::string role = r.String("role", true);
        auto parsed = ParseRole(role);
        if (!parsed && r.ok()) {
          r.Fail("role",
                 "must be practitioner, team_manager, partner_practitioner, records_officer, auditor or administrator");
        }
        in.role = parsed.value_or(Role::kPractitioner);
        in.team = r.String("team");
        in.agency = r.String("agency", true);
        in.password = r.String("password", true);
        in.must_change_password = r.Bool("must_change_password", false, true);
      })) {
    return *bad;
  }
  return Answer(app::AddUser(call.services, &call.actor(), std::move(in), call.options.common_passwords),
                [](const User& u) { return json::object{{"user", UserJson(u)}}; }, 201);
}

Response ResetPassword(const Call& call) {
  std::string id, password;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) { password = r.String("temporary_password", true); })) return *bad;
  Status s = app::ResetPassword(call.services, call.actor(), id, password, call.options.common_passwords);
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 204;
  return r;
}

// SEC-03: a lost or replaced phone; the user sets two-factor sign-in up again.
Response ResetTwoFactor(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  Status s = app::ResetTwoFactor(call.services, &call.actor(), id);
  if (!s.ok()) return ErrorResponse(s);
  Response r;
  r.status = 204;
  return r;
}

}  // namespace

void AddUserRoutes(Api& api) {
  api.Add("POST", "/api/v1/users", AddUser);
  api.Add("POST", "/api/v1/users/{id}/password-reset", ResetPassword);
  api.Add("POST", "/api/v1/users/{id}/two-factor-reset", ResetTwoFactor);
}

}  // namespace casework::http
