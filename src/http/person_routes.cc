// Persons, children's case records, unborn children, names, addresses and relationships
// (REC-01..06, EQU-01, EQU-03, PRA-08).
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "app/allocation.h"
#include "app/domain_json.h"
#include "app/persons.h"
#include "core/nhs_number.h"
#include "http/handler_support.h"
#include "http/person_input.h"
#include "http/person_record_text.h"

namespace casework::http {
namespace json = boost::json;

namespace {

Response Created(const Result<app::CreateOutcome>& outcome) {
  if (!outcome.ok()) return ErrorResponse(outcome.status());
  if (!outcome->created) {
    json::array matches;
    for (const DuplicateMatch& m : outcome->duplicates) matches.push_back(DuplicateJson(m));
    Response r = ErrorResponse(409, "likely_duplicate",
                               "this person may already be recorded; open the existing record, or list its id in "
                               "not_duplicates if it is someone else",
                               "not_duplicates");
    json::object body = json::parse(r.body).as_object();
    body["duplicates"] = std::move(matches);
    r.body = json::serialize(body);
    return r;
  }
  return Ok(json::object{{"person", PersonJson(*outcome->created)}}, 201);
}

Response CreatePerson(const Call& call, bool child) {
  app::NewPerson in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        ReadDetails(r, in.details);
        in.address = ReadAddress(r, "address");
        in.not_duplicates = r.Strings("not_duplicates");
        if (child) in.council_reference = r.String("council_reference");
      })) {
    return *bad;
  }
  in.open_case_record = child;
  return Created(app::CreatePerson(call.services, call.actor(), std::move(in)));
}

Response CreateUnborn(const Call& call) {
  app::NewUnborn in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.mother_person_id = r.String("mother_person_id");
        in.mother_family_name = r.String("mother_family_name");
        in.mother_nhs_number = r.String("mother_nhs_number");
        if (auto edd = r.OptDate("expected_date_of_delivery", true)) in.expected_date_of_delivery = *edd;
        in.council_reference = r.String("council_reference");
        in.address = ReadAddress(r, "address");
      })) {
    return *bad;
  }
  return Answer(app::CreateUnborn(call.services, call.actor(), std::move(in)),
                [](const Person& p) { return json::object{{"person", PersonJson(p)}}; }, 201);
}

Response Duplicates(const Call& call) {
  DuplicateProbe probe;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        probe.given_names = r.String("given_names");
        probe.family_name = r.String("family_name");
        probe.date_of_birth = r.OptDate("date_of_birth");
        probe.nhs_number = r.String("nhs_number");
        probe.postcode = r.String("postcode");
      })) {
    return *bad;
  }
  return Answer(app::CheckDuplicates(call.services, call.actor(), probe), [](const auto& matches) {
    json::array out;
    for (const DuplicateMatch& m : matches) out.push_back(DuplicateJson(m));
    return json::object{{"duplicates", std::move(out)}};
  });
}

Response Search(const Call& call) {
  const Request& req = call.request;
  if (auto bad = OnlyQuery(req, {"name", "date_of_birth", "nhs_number", "council_reference", "limit"})) return *bad;
  store::PersonQuery q;
  q.name = req.QueryValue("name").value_or("");
  q.nhs_number = req.QueryValue("nhs_number").value_or("");
  q.council_reference = req.QueryValue("council_reference").value_or("");
  if (auto dob = req.QueryValue("date_of_birth")) {
    auto d = ParseDate(*dob, "date_of_birth");
    if (!d.ok()) return ErrorResponse(d.status());
    q.date_of_birth = *d;
  }
  Result<int> limit = QueryInt(req, "limit", 50, 1, 200);
  if (!limit.ok()) return ErrorResponse(limit.status());
  q.limit = *limit;
  return Answer(app::SearchPersons(call.services, call.actor(), q), [](const auto& results) {
    json::array out;
    for (const PersonSummary& s : results) out.push_back(SummaryJson(s));
    return json::object{{"results", std::move(out)}};
  });
}

// The summary is written out while the read's access-log line is still to be committed, and
// goes out once the access log's writer says the line is durable (GOV-06): no thread waits.
void Get(const Call& call, Reply reply) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return reply(std::move(*bad));
  Date today = TodayIn(call);
  Result<app::PersonRecordRead> read = app::ReadPersonRecord(call.services, call.actor(), id);
  if (!read.ok()) return reply(ErrorResponse(read.status()));
  read->log_line.WriteThen(
      [reply = std::move(reply), text = PersonRecordText(read->record, today)](Status logged) mutable {
        reply.Make([logged = std::move(logged), text = std::move(text)]() mutable {
          return logged.ok() ? JsonResponse(200, std::move(text)) : ErrorResponse(logged);
        });
      });
}

Response Patch(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::DetailsPatch p;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        auto version = r.OptInt("version");
        if (!version) r.Fail("version", "is required: send the version of the record you are changing");
        p.version = version.value_or(0);
        p.given_names = r.OptString("given_names");
        p.family_name = r.OptString("family_name");
        p.gender = r.OptString("gender");
        p.ethnicity = r.OptString("ethnicity");
        p.religion = r.OptString("religion");
        p.first_language = r.OptString("first_language");
        p.communication_needs = r.OptString("communication_needs");
        p.disability = r.OptString("disability");
        p.nhs_number = r.OptString("nhs_number");
        p.date_of_birth = r.NullableDate("date_of_birth");
        p.interpreter_needed = r.NullableBool("interpreter_needed");
        if (r.Has("other_identifiers")) {
          std::vector<Identifier> ids;
          r.Objects("other_identifiers", false, [&](JsonReader& i) {
            ids.push_back({i.String("scheme", true), i.String("value", true)});
          });
          p.other_identifiers = std::move(ids);
        }
        if (auto nk = r.StringMap("not_known")) p.not_known = std::map<std::string, std::string>(nk->begin(), nk->end());
      })) {
    return *bad;
  }
  return Answer(app::UpdateDetails(call.services, call.actor(), id, p),
                [](const Person& person) { return json::object{{"person", PersonJson(person)}}; });
}

Response AddAddress(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  Address a;
  if (auto bad = ReadBody(call, [&](JsonReader& r) { ReadAddressFields(r, a); })) return *bad;
  Status s = app::AddAddress(call.services, call.actor(), id, a);
  if (!s.ok()) return ErrorResponse(s);
  return Ok(json::object{{"address", app::AddressJson(a)}}, 201);
}

Response AddName(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  OtherName n;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        std::string kind = r.String("kind", true);
        auto parsed = ParseNameKind(kind);
        if (!parsed && r.ok()) r.Fail("kind", "must be alias or previous");
        n.kind = parsed.value_or(NameKind::kAlias);
        n.given_names = r.String("given_names");
        n.family_name = r.String("family_name");
        n.note = r.String("note");
      })) {
    return *bad;
  }
  return Answer(app::AddOtherName(call.services, call.actor(), id, n),
                [](const OtherName& name) { return json::object{{"name", app::NameJson(name)}}; }, 201);
}

Response BirthCertificate(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::BirthCertificateSeen seen;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        seen.given_names = r.String("given_names", true);
        seen.family_name = r.String("family_name", true);
        if (auto d = r.OptDate("seen_on", true)) seen.seen_on = *d;
        seen.note = r.String("note");
      })) {
    return *bad;
  }
  return Answer(app::RecordBirthCertificate(call.services, call.actor(), id, seen),
                [](const Person& p) { return json::object{{"person", PersonJson(p)}}; });
}

Response Birth(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::Birth birth;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        birth.given_names = r.String("given_names", true);
        birth.family_name = r.String("family_name", true);
        if (auto d = r.OptDate("born_on", true)) birth.born_on = *d;
        birth.nhs_number = r.String("nhs_number");
        birth.gender = r.String("gender");
      })) {
    return *bad;
  }
  return Answer(app::RecordBirth(call.services, call.actor(), id, birth),
                [](const Person& p) { return json::object{{"person", PersonJson(p)}}; });
}

Response BirthRegistered(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  Date on{};
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        if (auto d = r.OptDate("registered_on", true)) on = *d;
      })) {
    return *bad;
  }
  return Answer(app::RecordBirthRegistered(call.services, call.actor(), id, on),
                [](const Person& p) { return json::object{{"person", PersonJson(p)}}; });
}

Response AddRelationship(const Call& call) {
  Relationship rel;
  if (auto bad = PathId(call, "id", rel.child_id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        rel.related_person_id = r.String("related_person_id", true);
        std::string type = r.String("type", true);
        auto parsed = ParseRelationshipType(type);
        if (!parsed && r.ok()) {
          r.Fail("type", "must be parent, step_parent, carer, sibling, grandparent, household_member or other");
        }
        rel.type = parsed.value_or(RelationshipType::kOther);
        rel.parental_responsibility = r.Bool("parental_responsibility", true);
        rel.lives_with_child = r.Bool("lives_with_child");
        rel.description = r.String("description");
      })) {
    return *bad;
  }
  return Answer(app::AddRelationship(call.services, call.actor(), rel),
                [](const Relationship& r) { return json::object{{"relationship", app::RelationshipJson(r)}}; }, 201);
}

Response Allocate(const Call& call) {
  std::string id, worker;
  if (auto bad = PathId(call, "id", id)) return *bad;
  int64_t version = 0;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        worker = r.String("worker_id", true);
        auto v = r.OptInt("version");
        if (!v) r.Fail("version", "is required: send the version of the case record you saw");
        version = v.value_or(0);
      })) {
    return *bad;
  }
  return Answer(app::AllocateCase(call.services, call.actor(), id, worker, version), [](const CaseRecord& r) {
    return json::object{{"allocated_worker_id", r.allocated_worker_id},
                        {"allocated_team_id", r.allocated_team_id},
                        {"version", r.version}};
  });
}

Response TeamMembers(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  return Answer(app::ListTeamMembers(call.services, call.actor()), [](const std::vector<User>& users) {
    json::array out;
    for (const User& u : users) {
      out.push_back(json::object{{"id", u.id}, {"full_name", u.full_name}, {"post_title", u.post_title},
                                 {"role", RoleName(u.role)}});
    }
    return json::object{{"members", std::move(out)}};
  });
}

Response Incomplete(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {"limit", "after"})) return *bad;
  Result<int> limit = QueryInt(call.request, "limit", 100, 1, 500);
  if (!limit.ok()) return ErrorResponse(limit.status());
  return Answer(app::ListIncomplete(call.services, call.actor(), *limit, call.request.QueryValue("after").value_or("")),
                [](const auto& rows) {
                  json::array out;
                  for (const app::IncompleteRecord& r : rows) {
                    json::array missing;
                    for (const MissingDetail& m : r.missing) {
                      missing.push_back(json::object{{"field", m.field}, {"label", m.label}});
                    }
                    json::object o = SummaryJson(r.person);
                    o["missing_details"] = std::move(missing);
                    out.push_back(std::move(o));
                  }
                  return json::object{{"records", std::move(out)}};
                });
}

}  // namespace

void AddPersonRoutes(Api& api) {
  api.Add("POST", "/api/v1/children", [](const Call& c) { return CreatePerson(c, true); });
  api.Add("POST", "/api/v1/persons", [](const Call& c) { return CreatePerson(c, false); });
  api.Add("POST", "/api/v1/unborn", CreateUnborn);
  api.Add("POST", "/api/v1/persons/duplicates", Duplicates);
  api.Add("GET", "/api/v1/persons", Search);
  // The summary's use case checks the session itself (ReadRecordAs), so a kept one may serve.
  api.AddLater("GET", "/api/v1/persons/{id}", Get, Api::Access::kSignedInKept);
  api.Add("PATCH", "/api/v1/persons/{id}", Patch);
  api.Add("POST", "/api/v1/persons/{id}/addresses", AddAddress);
  api.Add("POST", "/api/v1/persons/{id}/names", AddName);
  api.Add("POST", "/api/v1/persons/{id}/birth-certificate", BirthCertificate);
  api.Add("POST", "/api/v1/persons/{id}/birth", Birth);
  api.Add("POST", "/api/v1/persons/{id}/birth-registration", BirthRegistered);
  api.Add("POST", "/api/v1/persons/{id}/relationships", AddRelationship);
  api.Add("PUT", "/api/v1/persons/{id}/allocation", Allocate);
  api.Add("GET", "/api/v1/team/members", TeamMembers);
  api.Add("GET", "/api/v1/records/incomplete", Incomplete);
}

}  // namespace casework::http
