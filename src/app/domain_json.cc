#include "app/domain_json.h"

#include <boost/json/array.hpp>

namespace casework::app {

namespace json = boost::json;

json::value DateJson(const std::optional<Date>& d) {
  if (!d) return nullptr;
  return json::string(FormatDate(*d));
}

json::object DetailsJson(const PersonDetails& d) {
  json::object o;
  o["given_names"] = d.given_names;
  o["family_name"] = d.family_name;
  o["date_of_birth"] = DateJson(d.date_of_birth);
  o["gender"] = d.gender;
  o["ethnicity"] = d.ethnicity;
  o["religion"] = d.religion;
  o["first_language"] = d.first_language;
  o["interpreter_needed"] = d.interpreter_needed ? json::value(*d.interpreter_needed) : json::value(nullptr);
  o["communication_needs"] = d.communication_needs;
  o["disability"] = d.disability;
  o["nhs_number"] = d.nhs_number.empty() ? json::value(nullptr) : json::value(d.nhs_number);
  json::array ids;
  for (const Identifier& i : d.other_identifiers) ids.push_back(json::object{{"scheme", i.scheme}, {"value", i.value}});
  o["other_identifiers"] = std::move(ids);
  json::object not_known;
  for (const auto& [field, reason] : d.not_known) not_known[field] = reason;
  o["not_known"] = std::move(not_known);
  return o;
}

json::object AddressJson(const Address& a) {
  return json::object{{"line1", a.line1},        {"line2", a.line2},    {"town", a.town},
                      {"postcode", a.postcode}, {"from", DateJson(a.from)}, {"to", DateJson(a.to)}};
}

json::object NameJson(const OtherName& n) {
  return json::object{{"id", n.id},
                      {"kind", NameKindName(n.kind)},
                      {"given_names", n.given_names},
                      {"family_name", n.family_name},
                      {"note", n.note},
                      {"recorded_at", FormatTimestamp(n.recorded_at)}};
}

json::object RelationshipJson(const Relationship& r) {
  return json::object{{"id", r.id},
                      {"child_id", r.child_id},
                      {"related_person_id", r.related_person_id},
                      {"type", RelationshipTypeName(r.type)},
                      {"parental_responsibility", r.parental_responsibility},
                      {"lives_with_child", r.lives_with_child},
                      {"description", r.description},
                      {"ended_on", DateJson(r.ended_on)}};
}

json::object EntryJson(const Entry& e) {
  json::object o;
  o["type"] = EntryTypeName(e.type);
  o["occurred_at"] = FormatTimestamp(e.occurred_at);
  o["title"] = e.title;
  o["text"] = e.text;
  o["classification"] = ClassificationName(e.classification);
  o["source"] = json::object{
      {"first_hand", e.source.first_hand}, {"name", e.source.name}, {"relationship", e.source.relationship}};
  if (e.provided_by) {
    o["provided_by"] = json::object{{"name", e.provided_by->name},
                                    {"post_title", e.provided_by->post_title},
                                    {"user_id", e.provided_by->user_id}};
  }
  o["significant"] = e.significant;
  if (e.type == EntryType::kVisit || e.type == EntryType::kDecision) {
    o["wishes_and_feelings"] = e.wishes_and_feelings;
    o["wishes_not_obtained_reason"] = e.wishes_not_obtained_reason;
  }
  if (e.contact) {
    json::array participants, actions;
    for (const Participant& p : e.contact->participants) {
      participants.push_back(json::object{{"name", p.name}, {"role", p.role}, {"agency", p.agency}});
    }
    for (const Action& a : e.contact->actions) {
      actions.push_back(json::object{
          {"description", a.description}, {"responsible", a.responsible}, {"due", FormatDate(a.due)}});
    }
    o["contact"] = json::object{{"method", ContactMethodName(e.contact->method)},
                                {"participants", std::move(participants)},
                                {"decisions", e.contact->decisions},
                                {"actions", std::move(actions)}};
  }
  if (e.visit) {
    o["visit"] = json::object{{"child_seen", e.visit->child_seen},
                              {"seen_alone", e.visit->seen_alone},
                              {"not_seen_reason", e.visit->not_seen_reason},
                              {"not_seen_alone_reason", e.visit->not_seen_alone_reason}};
  }
  if (e.decision) {
    o["decision"] = json::object{{"decided_by", e.decision->decided_by},
                                 {"decided_by_post_title", e.decision->decided_by_post_title},
                                 {"reasons", e.decision->reasons},
                                 {"review_date", FormatDate(e.decision->review_date)}};
  }
  if (!e.corrects_id.empty()) {
    o["corrects"] = e.corrects_id;
    o["correction_reason"] = e.correction_reason;
  }
  return o;
}

}  // namespace casework::app
