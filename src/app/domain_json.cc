#include "app/domain_json.h"

#include <boost/json/array.hpp>

#include "core/json_text.h"

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

namespace {

void DateText(JsonText& t, Date d) { t.String(FormatDate(d)); }

}  // namespace

std::string EntryText(const Entry& e) {
  JsonText t(320 + e.title.size() + e.text.size());
  t.Raw("{").Key("type", true).String(EntryTypeName(e.type)).Key("occurred_at").Time(e.occurred_at);
  t.Key("title").String(e.title).Key("text").String(e.text);
  t.Key("classification").String(ClassificationName(e.classification));
  t.Key("source").Raw("{").Key("first_hand", true).Bool(e.source.first_hand).Key("name").String(e.source.name);
  t.Key("relationship").String(e.source.relationship).Raw("}");
  if (e.provided_by) {
    t.Key("provided_by").Raw("{").Key("name", true).String(e.provided_by->name);
    t.Key("post_title").String(e.provided_by->post_title).Key("user_id").String(e.provided_by->user_id).Raw("}");
  }
  t.Key("significant").Bool(e.significant);
  if (e.type == EntryType::kVisit || e.type == EntryType::kDecision) {
    t.Key("wishes_and_feelings").String(e.wishes_and_feelings);
    t.Key("wishes_not_obtained_reason").String(e.wishes_not_obtained_reason);
  }
  if (e.contact) {
    t.Key("contact").Raw("{").Key("method", true).String(ContactMethodName(e.contact->method));
    t.Key("participants").Raw("[");
    bool first = true;
    for (const Participant& p : e.contact->participants) {
      t.Raw(first ? "{" : ",{").Key("name", true).String(p.name).Key("role").String(p.role);
      t.Key("agency").String(p.agency).Raw("}");
      first = false;
    }
    t.Raw("]").Key("decisions").String(e.contact->decisions).Key("actions").Raw("[");
    first = true;
    for (const Action& a : e.contact->actions) {
      t.Raw(first ? "{" : ",{").Key("description", true).String(a.description);
      t.Key("responsible").String(a.responsible).Key("due");
      DateText(t, a.due);
      t.Raw("}");
      first = false;
    }
    t.Raw("]}");
  }
  if (e.visit) {
    t.Key("visit").Raw("{").Key("child_seen", true).Bool(e.visit->child_seen);
    t.Key("seen_alone").Bool(e.visit->seen_alone).Key("not_seen_reason").String(e.visit->not_seen_reason);
    t.Key("not_seen_alone_reason").String(e.visit->not_seen_alone_reason).Raw("}");
  }
  if (e.decision) {
    t.Key("decision").Raw("{").Key("decided_by", true).String(e.decision->decided_by);
    t.Key("decided_by_post_title").String(e.decision->decided_by_post_title);
    t.Key("reasons").String(e.decision->reasons).Key("review_date");
    DateText(t, e.decision->review_date);
    t.Raw("}");
  }
  if (!e.corrects_id.empty()) {
    t.Key("corrects").String(e.corrects_id).Key("correction_reason").String(e.correction_reason);
  }
  return t.Raw("}").Take();
}

}  // namespace casework::app
