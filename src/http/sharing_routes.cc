// Consent to share a person's information, and the log of disclosures outside Casework
// (SHR-01..03).
#include "app/information_sharing.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

json::object ConsentJson(const Consent& k) {
  return json::object{{"id", k.id},
                      {"purpose", k.purpose},
                      {"decision", ConsentDecisionName(k.decision)},
                      {"decided_on", FormatDate(k.decided_on)},
                      {"decided_by", k.decided_by},
                      {"note", k.note},
                      {"recorded_by", json::object{{"user_id", k.recorded_by}, {"name", k.recorded_by_name}}},
                      {"recorded_at", FormatTimestamp(k.recorded_at)},
                      {"item_id", k.item_id}};
}

json::object DisclosureJson(const Disclosure& d) {
  json::object o{{"id", d.id},
                 {"information", d.information},
                 {"recipient", d.recipient},
                 {"recipient_agency", d.recipient_agency},
                 {"disclosed_on", FormatDate(d.disclosed_on)},
                 {"purpose", d.purpose},
                 {"lawful_basis", LawfulBasisName(d.basis)},
                 {"consent_id", d.consent_id.empty() ? json::value(nullptr) : json::value(d.consent_id)},
                 {"recorded_by", json::object{{"user_id", d.recorded_by}, {"name", d.recorded_by_name}}},
                 {"recorded_at", FormatTimestamp(d.recorded_at)},
                 {"item_id", d.item_id}};
  if (d.basis != LawfulBasis::kConsent) {
    o["justification"] =
        json::object{{"necessary", d.necessary}, {"proportionate", d.proportionate}, {"decided_by", d.decided_by}};
  } else {
    o["justification"] = nullptr;
  }
  return o;
}

Response Sharing(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  return Answer(app::ReadInformationSharing(call.services, call.actor(), id), [](const app::InformationSharing& v) {
    json::array in_force, history, disclosures;
    for (const Consent& k : v.in_force) in_force.push_back(ConsentJson(k));
    for (const Consent& k : v.history) history.push_back(ConsentJson(k));
    for (const Disclosure& d : v.disclosures) disclosures.push_back(DisclosureJson(d));
    return json::object{{"consents_in_force", std::move(in_force)},
                        {"consent_history", std::move(history)},
                        {"disclosures", std::move(disclosures)}};
  });
}

Response RecordConsent(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::NewConsent in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.purpose = r.String("purpose", true);
        in.decision = Choice<ConsentDecision>(r, "decision", ParseConsentDecision, "given, refused, withdrawn");
        if (auto on = r.OptDate("decided_on", true)) in.decided_on = *on;
        in.decided_by = r.String("decided_by", true);
        in.note = r.String("note");
      })) {
    return *bad;
  }
  return Answer(app::RecordConsent(call.services, call.actor(), id, std::move(in)),
                [](const Consent& k) { return json::object{{"consent", ConsentJson(k)}}; }, 201);
}

Response RecordDisclosure(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::NewDisclosure in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.information = r.String("information", true);
        in.recipient = r.String("recipient", true);
        in.recipient_agency = r.String("recipient_agency");
        if (auto on = r.OptDate("disclosed_on", true)) in.disclosed_on = *on;
        in.purpose = r.String("purpose", true);
        in.basis = Choice<LawfulBasis>(r, "lawful_basis", ParseLawfulBasis,
                                       "consent, significant_harm, public_interest, legal_duty");
        r.Object("justification", false, [&](JsonReader& j) {
          in.necessary = j.String("necessary", true);
          in.proportionate = j.String("proportionate", true);
          in.decided_by = j.String("decided_by", true);
        });
      })) {
    return *bad;
  }
  Result<Disclosure> done = app::RecordDisclosure(call.services, call.actor(), id, std::move(in));
  // The rules name the justification's parts by their own names; the request nests them.
  if (!done.ok()) {
    const std::string& field = done.status().field();
    if (field == "necessary" || field == "proportionate" || field == "decided_by") {
      return ErrorResponse(Status::Invalid("justification." + field, done.status().message()));
    }
  }
  return Answer(done, [](const Disclosure& d) { return json::object{{"disclosure", DisclosureJson(d)}}; }, 201);
}

}  // namespace

void AddSharingRoutes(Api& api) {
  api.Add("GET", "/api/v1/persons/{id}/sharing", Sharing);
  api.Add("POST", "/api/v1/persons/{id}/consents", RecordConsent);
  api.Add("POST", "/api/v1/persons/{id}/disclosures", RecordDisclosure);
}

}  // namespace casework::http
