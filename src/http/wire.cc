#include "http/wire.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/domain_json.h"
#include "core/nhs_number.h"

namespace casework::http {
namespace json = boost::json;
using app::DateJson;

namespace {

json::value NhsJson(const std::string& nhs) {
  if (nhs.empty()) return nullptr;
  return json::string(FormatNhsNumber(nhs));
}

}  // namespace

Response Ok(const json::value& body, int status) {
  Response r;
  r.status = status;
  r.SetHeader("Content-Type", "application/json; charset=utf-8");
  r.body = json::serialize(body);
  return r;
}

json::object UserJson(const User& u) {
  return json::object{{"id", u.id},
                      {"username", u.username},
                      {"full_name", u.full_name},
                      {"post_title", u.post_title},
                      {"role", RoleName(u.role)},
                      {"agency", u.agency},
                      {"team_id", u.team_id.empty() ? json::value(nullptr) : json::value(u.team_id)},
                      {"must_change_password", u.must_change_password}};
}

json::object SummaryJson(const PersonSummary& s) {
  json::object o{{"id", s.id},
                 {"display_name", s.display_name},
                 {"date_of_birth", DateJson(s.date_of_birth)},
                 {"nhs_number", NhsJson(s.nhs_number)},
                 {"council_reference", s.council_reference.empty() ? json::value(nullptr) : json::value(s.council_reference)},
                 {"postcode", s.postcode},
                 {"unborn", s.unborn}};
  if (!s.matched_name.empty()) o["matched_name"] = s.matched_name;
  return o;
}

json::object ReminderJson(const Reminder& m) {
  return json::object{{"kind", m.kind}, {"message", m.message}, {"due", FormatDate(m.due)}, {"overdue", m.overdue}};
}

json::object PersonJson(const Person& p) {
  json::object o{{"id", p.id},
                 {"version", p.version},
                 {"display_name", p.DisplayName()},
                 {"details", app::DetailsJson(p.details)},
                 {"current_address", p.current_address ? json::value(app::AddressJson(*p.current_address)) : nullptr},
                 {"created_at", FormatTimestamp(p.created_at)},
                 {"updated_at", FormatTimestamp(p.updated_at)}};
  o["details"].as_object()["nhs_number"] = NhsJson(p.details.nhs_number);
  if (p.birth) {
    o["birth"] = json::object{{"unborn", p.birth->unborn},
                              {"mother_person_id", p.birth->mother_person_id},
                              {"mother_family_name", p.birth->mother_family_name},
                              {"mother_nhs_number", NhsJson(p.birth->mother_nhs_number)},
                              {"expected_date_of_delivery", DateJson(p.birth->expected_date_of_delivery)},
                              {"born_on", DateJson(p.birth->born_on)},
                              {"registered_on", DateJson(p.birth->registered_on)}};
  }
  if (p.birth_certificate) {
    o["birth_certificate"] = json::object{{"seen_on", FormatDate(p.birth_certificate->seen_on)},
                                          {"seen_by", p.birth_certificate->seen_by}};
  }
  return o;
}

json::object DuplicateJson(const DuplicateMatch& m) {
  json::array reasons;
  for (DuplicateReason r : m.reasons) reasons.push_back(json::string(DuplicateReasonText(r)));
  return json::object{{"person_id", m.person_id}, {"display_name", m.display_name}, {"reasons", std::move(reasons)}};
}

json::object JournalItemJson(const JournalItem& item) {
  json::object o{{"id", item.id},
                 {"record_id", item.record_id},
                 {"seq", item.seq},
                 {"kind", item.kind},
                 {"author", json::object{{"user_id", item.author_user_id},
                                         {"name", item.author_name},
                                         {"post_title", item.author_post_title}}},
                 {"recorded_at", FormatTimestamp(item.recorded_at)},
                 {"occurred_at", item.occurred_at ? json::value(FormatTimestamp(*item.occurred_at)) : nullptr},
                 {"late_entry", item.late},
                 {"target_id", item.target_id.empty() ? json::value(nullptr) : json::value(item.target_id)},
                 {"hash", item.hash}};
  boost::system::error_code ec;
  json::value body = json::parse(item.body, ec);
  o["body"] = ec ? json::value(item.body) : std::move(body);
  return o;
}

json::object JournalEntryJson(const app::JournalEntryView& v) {
  json::object o = JournalItemJson(v.item);
  json::array corrected_by;
  for (const std::string& id : v.corrected_by) corrected_by.push_back(json::string(id));
  o["corrected_by"] = std::move(corrected_by);
  o["countersignature"] = v.countersignature ? json::value(JournalItemJson(*v.countersignature)) : nullptr;
  o["awaiting_countersignature"] = v.awaiting_countersignature;
  return o;
}

json::object SessionJson(const Session& s, Timestamp expires_at, Timestamp now) {
  auto left = std::chrono::duration_cast<std::chrono::seconds>(expires_at - now).count();
  return json::object{{"id", s.id},
                      {"created_at", FormatTimestamp(s.created_at)},
                      {"last_seen_at", FormatTimestamp(s.last_seen_at)},
                      {"expires_at", FormatTimestamp(expires_at)},
                      {"expires_in_seconds", std::max<long long>(0, left)},
                      {"client_address", s.client_address},
                      {"user_agent", s.user_agent}};
}

}  // namespace casework::http
