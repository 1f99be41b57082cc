#include "http/person_record_text.h"

#include "core/nhs_number.h"
#include "core/json_text.h"

namespace casework::http {
namespace {

void DateOrNull(JsonText& t, const std::optional<Date>& d) {
  if (d) t.String(FormatDate(*d));
  else t.Null();
}

void StringOrNull(JsonText& t, const std::string& s) {
  if (s.empty()) t.Null();
  else t.String(s);
}

// As the API shows NHS numbers everywhere: spaced 3-3-4, or null when not recorded.
void NhsOrNull(JsonText& t, const std::string& nhs) {
  if (nhs.empty()) t.Null();
  else t.String(FormatNhsNumber(nhs));
}

template <class Items, class WriteOne>
void List(JsonText& t, const Items& items, WriteOne write_one) {
  t.Raw("[");
  bool first = true;
  for (const auto& item : items) {
    if (!first) t.Raw(",");
    first = false;
    write_one(item);
  }
  t.Raw("]");
}

// "infant", "pre-school"... the developmental stage shown wherever decisions are made.
const char* Stage(int years) {
  if (years < 1) return "infant";
  if (years < 5) return "early years";
  if (years < 11) return "primary school age";
  if (years < 16) return "secondary school age";
  if (years < 18) return "young person";
  return "adult";
}

void Details(JsonText& t, const PersonDetails& d) {
  t.Raw("{").Key("given_names", true).String(d.given_names).Key("family_name").String(d.family_name);
  t.Key("date_of_birth");
  DateOrNull(t, d.date_of_birth);
  t.Key("gender").String(d.gender).Key("ethnicity").String(d.ethnicity).Key("religion").String(d.religion);
  t.Key("first_language").String(d.first_language).Key("interpreter_needed");
  if (d.interpreter_needed) t.Bool(*d.interpreter_needed);
  else t.Null();
  t.Key("communication_needs").String(d.communication_needs).Key("disability").String(d.disability);
  t.Key("nhs_number");
  NhsOrNull(t, d.nhs_number);
  t.Key("other_identifiers");
  List(t, d.other_identifiers, [&](const Identifier& i) {
    t.Raw("{").Key("scheme", true).String(i.scheme).Key("value").String(i.value).Raw("}");
  });
  // The names of details not known come from the request that marked them, so they are
  // escaped as any other text.
  t.Key("not_known").Raw("{");
  bool first = true;
  for (const auto& [field, reason] : d.not_known) {
    if (!first) t.Raw(",");
    first = false;
    t.String(field).Raw(":").String(reason);
  }
  t.Raw("}}");
}

void AddressObject(JsonText& t, const Address& a) {
  t.Raw("{").Key("line1", true).String(a.line1).Key("line2").String(a.line2).Key("town").String(a.town);
  t.Key("postcode").String(a.postcode).Key("from");
  DateOrNull(t, a.from);
  t.Key("to");
  DateOrNull(t, a.to);
  t.Raw("}");
}

void Birth(JsonText& t, const BirthDetails& b) {
  t.Raw("{").Key("unborn", true).Bool(b.unborn).Key("mother_person_id").String(b.mother_person_id);
  t.Key("mother_family_name").String(b.mother_family_name).Key("mother_nhs_number");
  NhsOrNull(t, b.mother_nhs_number);
  t.Key("expected_date_of_delivery");
  DateOrNull(t, b.expected_date_of_delivery);
  t.Key("born_on");
  DateOrNull(t, b.born_on);
  t.Key("registered_on");
  DateOrNull(t, b.registered_on);
  t.Raw("}");
}

// The fields of wire.h's PersonJson, without the closing brace: the record's own follow.
void PersonFields(JsonText& t, const Person& p) {
  t.Raw("{").Key("id", true).String(p.id).Key("version").Int(p.version).Key("display_name").String(p.DisplayName());
  t.Key("details");
  Details(t, p.details);
  t.Key("current_address");
  if (p.current_address) AddressObject(t, *p.current_address);
  else t.Null();
  t.Key("created_at").Time(p.created_at).Key("updated_at").Time(p.updated_at);
  if (p.birth) {
    t.Key("birth");
    Birth(t, *p.birth);
  }
  if (p.birth_certificate) {
    t.Key("birth_certificate").Raw("{").Key("seen_on", true).String(FormatDate(p.birth_certificate->seen_on));
    t.Key("seen_by").String(p.birth_certificate->seen_by).Raw("}");
  }
}

void Age(JsonText& t, const Person& p, Date today) {
  t.Key("age");
  const auto& dob = p.details.date_of_birth;
  if (!dob || (p.birth && p.birth->unborn)) {
    t.Null();
    return;
  }
  int years = AgeInYears(*dob, today);
  t.Raw("{").Key("years", true).Int(years).Key("stage").String(Stage(years)).Raw("}");
}

void CaseRecordObject(JsonText& t, const app::PersonRecord& r) {
  t.Key("case_record");
  if (!r.case_record) {
    t.Null();
    return;
  }
  const CaseRecord& c = *r.case_record;
  t.Raw("{").Key("council_reference", true).String(c.council_reference);
  t.Key("status").String(c.status == RecordStatus::kOpen ? "open" : "closed");
  t.Key("opened_at").Time(c.opened_at).Key("allocated_worker_id").String(c.allocated_worker_id);
  t.Key("allocated_team_id").String(c.allocated_team_id).Key("restricted").Bool(c.restricted);
  t.Key("version").Int(c.version);
  if (!c.allocated_team_id.empty()) {
    t.Key("allocated_team").Raw("{").Key("id", true).String(c.allocated_team_id);
    t.Key("name").String(r.allocated_team_name).Raw("}");
  }
  if (r.allocated_worker) {
    t.Key("allocated_worker").Raw("{").Key("full_name", true).String(r.allocated_worker->full_name);
    t.Key("post_title").String(r.allocated_worker->post_title).Raw("}");
  }
  t.Raw("}");
}

void SummaryObject(JsonText& t, const PersonSummary& s) {
  t.Raw("{").Key("id", true).String(s.id).Key("display_name").String(s.display_name).Key("date_of_birth");
  DateOrNull(t, s.date_of_birth);
  t.Key("nhs_number");
  NhsOrNull(t, s.nhs_number);
  t.Key("council_reference");
  StringOrNull(t, s.council_reference);
  t.Key("postcode").String(s.postcode).Key("unborn").Bool(s.unborn);
  if (!s.matched_name.empty()) t.Key("matched_name").String(s.matched_name);
  t.Raw("}");
}

void RelationshipObject(JsonText& t, const app::RelationshipView& v) {
  const Relationship& r = v.relationship;
  t.Raw("{").Key("id", true).String(r.id).Key("child_id").String(r.child_id);
  t.Key("related_person_id").String(r.related_person_id).Key("type").String(RelationshipTypeName(r.type));
  t.Key("parental_responsibility").Bool(r.parental_responsibility).Key("lives_with_child").Bool(r.lives_with_child);
  t.Key("description").String(r.description).Key("ended_on");
  DateOrNull(t, r.ended_on);
  t.Key("other_person");
  SummaryObject(t, v.other);
  t.Raw("}");
}

// What the summary shows of its stored parts, the same whoever views it. Kept with the parts for
// as long as they are, so each text holds no more room than it fills.
app::RecordPartsText StoredText(const app::RecordParts& p) {
  auto fitted = [](JsonText& t) {
    std::string text = t.Take();
    text.shrink_to_fit();
    return text;
  };
  app::RecordPartsText out;
  JsonText person(2048);
  PersonFields(person, p.person);
  out.person = fitted(person);
  JsonText names(1024);
  names.Key("addresses");
  List(names, p.addresses, [&](const Address& a) { AddressObject(names, a); });
  names.Key("other_names");
  List(names, p.other_names, [&](const OtherName& n) {
    names.Raw("{").Key("id", true).String(n.id).Key("kind").String(NameKindName(n.kind));
    names.Key("given_names").String(n.given_names).Key("family_name").String(n.family_name).Key("note").String(n.note);
    names.Key("recorded_at").Time(n.recorded_at).Raw("}");
  });
  out.addresses_and_names = fitted(names);
  JsonText family(4096);
  List(family, p.relationships, [&](const app::RelationshipView& v) { RelationshipObject(family, v); });
  out.relationships = fitted(family);
  return out;
}

}  // namespace

std::string PersonRecordText(const app::PersonRecord& r, Date today) {
  const app::RecordPartsText& stored = r.stored->Text(StoredText);
  // Room for a family of a few people at once: most summaries are 2 to 6 KB.
  JsonText t(stored.person.size() + stored.addresses_and_names.size() + stored.relationships.size() + 2048);
  t.Raw(stored.person);
  Age(t, r.person(), today);
  CaseRecordObject(t, r);
  t.Raw(stored.addresses_and_names);
  // SEC-05: a partner is shown no family (PersonRecord::relationships).
  t.Key("relationships").Raw(r.family_shown ? std::string_view(stored.relationships) : std::string_view("[]"));
  t.Key("missing_details");
  List(t, r.missing, [&](const MissingDetail& m) {
    t.Raw("{").Key("field", true).String(m.field).Key("label").String(m.label).Raw("}");
  });
  t.Key("complete").Bool(r.missing.empty()).Key("reminders");
  List(t, r.reminders, [&](const Reminder& m) {
    t.Raw("{").Key("kind", true).String(m.kind).Key("message").String(m.message);
    t.Key("due").String(FormatDate(m.due)).Key("overdue").Bool(m.overdue).Raw("}");
  });
  t.Key("alerts");
  List(t, r.alerts, [&](const RecordAlert& a) {
    t.Raw("{").Key("key", true).String(a.key).Key("label").String(a.label).Raw("}");
  });
  t.Raw("}");
  return t.Take();
}

}  // namespace casework::http
