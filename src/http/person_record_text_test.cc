#include "http/person_record_text.h"

#include <functional>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/domain_json.h"
#include "http/wire.h"

namespace casework::http {
namespace {

namespace json = boost::json;

// The summary as it was answered before it was written as text: a document built from
// wire.h's and domain_json.h's pieces (which the other person routes still answer with),
// then serialised. The age is given, as the document's caller worked it out.
json::object DocumentOf(const app::PersonRecord& r, json::value age) {
  json::object o = PersonJson(r.person());
  o["age"] = std::move(age);
  if (r.case_record) {
    const CaseRecord& c = *r.case_record;
    json::object record{{"council_reference", c.council_reference},
                        {"status", c.status == RecordStatus::kOpen ? "open" : "closed"},
                        {"opened_at", FormatTimestamp(c.opened_at)},
                        {"allocated_worker_id", c.allocated_worker_id},
                        {"allocated_team_id", c.allocated_team_id},
                        {"restricted", c.restricted},
                        {"version", c.version}};
    if (!c.allocated_team_id.empty()) {
      record["allocated_team"] = json::object{{"id", c.allocated_team_id}, {"name", r.allocated_team_name}};
    }
    if (r.allocated_worker) {
      record["allocated_worker"] =
          json::object{{"full_name", r.allocated_worker->full_name}, {"post_title", r.allocated_worker->post_title}};
    }
    o["case_record"] = std::move(record);
  } else {
    o["case_record"] = nullptr;
  }
  json::array addresses, names, relationships, missing, reminders, alerts;
  for (const Address& a : r.addresses()) addresses.push_back(app::AddressJson(a));
  for (const OtherName& n : r.other_names()) names.push_back(app::NameJson(n));
  for (const app::RelationshipView& v : r.relationships()) {
    json::object rel = app::RelationshipJson(v.relationship);
    rel["other_person"] = SummaryJson(v.other);
    relationships.push_back(std::move(rel));
  }
  for (const MissingDetail& m : r.missing) missing.push_back(json::object{{"field", m.field}, {"label", m.label}});
  for (const Reminder& m : r.reminders) reminders.push_back(ReminderJson(m));
  for (const RecordAlert& a : r.alerts) alerts.push_back(json::object{{"key", a.key}, {"label", a.label}});
  o["addresses"] = std::move(addresses);
  o["other_names"] = std::move(names);
  o["relationships"] = std::move(relationships);
  o["missing_details"] = std::move(missing);
  o["complete"] = r.missing.empty();
  o["reminders"] = std::move(reminders);
  o["alerts"] = std::move(alerts);
  return o;
}

// Text of every kind a user can type, where a writer that forgot to escape would break the JSON.
const std::string kAwkward = "O'Brien \"Jo\" \\ back\nslash\t\x01 Zoë Дмитрий </script>";

Date D(int y, unsigned m, unsigned d) { return date::year{y} / m / d; }

Timestamp At(int seconds) { return Timestamp(std::chrono::seconds(1'780'000'000 + seconds)); }

app::PersonRecord EveryField() {
  app::PersonRecord r;
  auto stored = std::make_shared<app::RecordParts>();
  r.stored = stored;
  Person& p = stored->person;
  p.id = "p-1";
  p.version = 7;
  p.details = {"Amira " + kAwkward, "Khan", D(2019, 3, 14), "female", "Asian or Asian British", "Muslim",
               "Urdu", true, "needs " + kAwkward, "none", "9434765919",
               {{"UPN", "A123"}, {"police \"PNC\"", kAwkward}}, {{"religion", kAwkward}, {"z\"field", "why"}}};
  p.birth = BirthDetails{false, "p-mum", "Khan", "9434765870", D(2019, 3, 10), D(2019, 3, 14),
                         D(2019, 4, 1)};
  p.birth_certificate = BirthCertificate{D(2019, 5, 2), "Sam Okafor, Social Worker"};
  p.current_address = Address{"a-1", "1 High St", kAwkward, "Leeds", "LS1 1AA", D(2020, 1, 1), std::nullopt};
  p.created_at = At(0);
  p.updated_at = At(90);
  r.case_record = CaseRecord{"p-1", "CR-1", RecordStatus::kOpen, At(5), std::nullopt, "u-sam", "t-1", true, 3};
  User worker;
  worker.full_name = "Sam Okafor";
  worker.post_title = kAwkward;
  r.allocated_worker = worker;
  r.allocated_team_name = "Team \"North\"";
  stored->addresses = {*p.current_address, Address{"a-0", "2 Low Rd", "", "York", "YO1 1AA", std::nullopt, D(2019, 12, 31)}};
  stored->other_names = {{"n-1", NameKind::kAlias, "Mira", kAwkward, "used at school", At(30)},
                   {"n-2", NameKind::kPrevious, "Amira", "Shah", "", At(40)}};
  Relationship mum{"r-1", "p-1", "p-mum", RelationshipType::kParent, true, true, kAwkward, std::nullopt};
  Relationship gran{"r-2", "p-1", "p-gran", RelationshipType::kOther, false, false, "grandmother", D(2024, 6, 1)};
  stored->relationships = {{mum, {"p-mum", "Nadia Khan", D(1990, 2, 1), "9434765870", "", "LS1 1AA", "", false}},
                     {gran, {"p-gran", kAwkward, std::nullopt, "", "CR-9", "", "Nana \"K\"", true}}};
  r.missing = {{"ethnicity", "Ethnicity"}, {"religion", kAwkward}};
  r.reminders = {{"birth_registration", kAwkward, D(2026, 12, 1), true}};
  r.alerts = {{"child_protection_plan", "Child protection plan"}, {"looked_after", kAwkward}};
  return r;
}

// REC-01: the record summary written as text is, byte for byte, the document it replaced.
TEST(PersonRecordText, REC01_EveryFieldAsTheDocumentGaveIt) {
  app::PersonRecord r = EveryField();
  std::string text = PersonRecordText(r, D(2026, 11, 29));
  EXPECT_EQ(text, json::serialize(DocumentOf(r, json::object{{"years", 7}, {"stage", "primary school age"}})));
  EXPECT_EQ(json::parse(text).at("details").at("not_known").at("z\"field"), json::value("why"));
}

// An unborn child has no age, and a person who is not a child has no case record.
TEST(PersonRecordText, REC01_NoAgeNoCaseRecordAndEmptyLists) {
  // Parts are never changed once shown (their text is kept with them), so each case has its own.
  auto record_of = [](const std::function<void(Person&)>& fill) {
    app::PersonRecord r;
    auto stored = std::make_shared<app::RecordParts>();
    Person& person = stored->person;
    person.id = "p-2";
    person.details.family_name = "Khan";
    person.created_at = person.updated_at = At(0);
    fill(person);
    r.stored = stored;
    return r;
  };
  app::PersonRecord unborn = record_of([](Person& p) {
    p.birth = BirthDetails{true, "p-mum", "Khan", "", D(2027, 2, 1), std::nullopt, std::nullopt};
  });
  EXPECT_EQ(PersonRecordText(unborn, D(2026, 11, 29)), json::serialize(DocumentOf(unborn, nullptr)));
  app::PersonRecord adult = record_of([](Person& p) { p.details.date_of_birth = D(2008, 1, 1); });
  EXPECT_EQ(PersonRecordText(adult, D(2026, 11, 29)),
            json::serialize(DocumentOf(adult, json::object{{"years", 18}, {"stage", "adult"}})));
}

// The stored parts' text is written once and kept with them; what turns on the viewer and the
// day (the case record, the allocated worker, the family for a partner, age, missing details,
// reminders, alerts) is written for each request. Each answer is still the document, byte for byte.
TEST(PersonRecordText, REC01_KeptPartsShownToEachViewerAsTheDocumentGaveIt) {
  app::PersonRecord first = EveryField();
  EXPECT_EQ(PersonRecordText(first, D(2026, 11, 29)),
            json::serialize(DocumentOf(first, json::object{{"years", 7}, {"stage", "primary school age"}})));
  app::PersonRecord partner = first;  // the same kept parts
  partner.family_shown = false;
  partner.allocated_worker.reset();
  partner.case_record->allocated_team_id.clear();
  partner.missing.clear();
  partner.reminders.clear();
  partner.alerts = {{"looked_after", "Looked after"}};
  ASSERT_EQ(partner.stored, first.stored);
  EXPECT_EQ(PersonRecordText(partner, D(2027, 3, 14)),
            json::serialize(DocumentOf(partner, json::object{{"years", 8}, {"stage", "primary school age"}})));
  EXPECT_EQ(PersonRecordText(first, D(2026, 11, 29)),
            json::serialize(DocumentOf(first, json::object{{"years", 7}, {"stage", "primary school age"}})));
}

// SEC-05: a partner's view shows none of the family kept with the record.
TEST(PersonRecordText, SEC05_FamilyLeftOutWhenNotShown) {
  app::PersonRecord r = EveryField();
  r.family_shown = false;
  EXPECT_TRUE(json::parse(PersonRecordText(r, D(2026, 11, 29))).at("relationships").as_array().empty());
  EXPECT_EQ(r.stored->relationships.size(), 2u);
}

}  // namespace
}  // namespace casework::http
