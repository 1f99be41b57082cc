#include "app/information_sharing.h"

#include "app/access.h"
#include "app/journal_writer.h"
#include "app/person_support.h"
#include "core/journal_kinds.h"
#include "store/information_sharing_repo.h"

namespace casework::app {
namespace json = boost::json;

namespace {

constexpr char kPartnersSeeOnlyShared[] =
    "partner agency staff see only what has been shared with them, not the record of consent and disclosures";

}  // namespace

Result<Consent> RecordConsent(const Services& s, const Actor& actor, const std::string& person_id, NewConsent in) {
  Consent k;
  k.person_id = person_id;
  k.purpose = in.purpose;
  k.decision = in.decision;
  k.decided_on = in.decided_on;
  k.decided_by = in.decided_by;
  k.note = in.note;
  CASEWORK_RETURN_IF_ERROR(CheckConsent(k, Today(s)));
  Status st = WriteToRecord(s, actor, person_id, std::string("recorded consent ") + ConsentDecisionName(k.decision),
                            [&](store::Connection& c) {
    k.id = s.ids.Next();
    json::object body{{"consent_id", k.id},         {"purpose", k.purpose},
                      {"decision", ConsentDecisionName(k.decision)}, {"decided_on", FormatDate(k.decided_on)},
                      {"decided_by", k.decided_by}, {"note", k.note}};
    JournalItem item = AppendItem(c, s, actor, {person_id, kinds::kConsentRecorded, std::nullopt, "", std::move(body)});
    k.item_id = item.id;
    k.recorded_by = actor.user.id;
    k.recorded_by_name = actor.user.full_name;
    k.recorded_at = item.recorded_at;
    store::InformationSharingRepo(c).InsertConsent(k);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return k;
}

Result<Disclosure> RecordDisclosure(const Services& s, const Actor& actor, const std::string& person_id,
                                    NewDisclosure in) {
  Disclosure d;
  d.person_id = person_id;
  d.information = in.information;
  d.recipient = in.recipient;
  d.recipient_agency = in.recipient_agency;
  d.disclosed_on = in.disclosed_on;
  d.purpose = in.purpose;
  d.basis = in.basis;
  d.necessary = in.necessary;
  d.proportionate = in.proportionate;
  d.decided_by = in.decided_by;
  CASEWORK_RETURN_IF_ERROR(CheckDisclosure(d, Today(s)));
  Status st = WriteToRecord(s, actor, person_id, "recorded a disclosure to " + d.recipient, [&](store::Connection& c) {
    store::InformationSharingRepo repo(c);
    if (d.basis == LawfulBasis::kConsent) {
      Result<Consent> consent = ConsentToRelyOn(repo.Consents(person_id), d.purpose);
      if (!consent.ok()) return consent.status();
      d.consent_id = consent->id;
    }
    d.id = s.ids.Next();
    json::object body{{"disclosure_id", d.id},
                      {"information", d.information},
                      {"recipient", d.recipient},
                      {"recipient_agency", d.recipient_agency},
                      {"disclosed_on", FormatDate(d.disclosed_on)},
                      {"purpose", d.purpose},
                      {"lawful_basis", LawfulBasisName(d.basis)}};
    if (d.basis == LawfulBasis::kConsent) {
      body["consent_id"] = d.consent_id;
    } else {
      body["necessary"] = d.necessary;
      body["proportionate"] = d.proportionate;
      body["decided_by"] = d.decided_by;
    }
    JournalItem item = AppendItem(c, s, actor, {person_id, kinds::kInformationDisclosed, std::nullopt, "", std::move(body)});
    d.item_id = item.id;
    d.recorded_by = actor.user.id;
    d.recorded_by_name = actor.user.full_name;
    d.recorded_at = item.recorded_at;
    repo.InsertDisclosure(d);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return d;
}

Result<InformationSharing> ReadInformationSharing(const Services& s, const Actor& actor, const std::string& person_id) {
  InformationSharing out;
  Status st = ReadRecordAs(s, actor, person_id, "read consent and disclosures",
                           [&](store::Connection& c, const RecordAccess& a) {
    if (a.partner_view) return Status::Denied(kPartnersSeeOnlyShared);
    store::InformationSharingRepo repo(c);
    out.history = repo.Consents(person_id);
    out.in_force = ConsentsInForce(out.history);
    out.disclosures = repo.Disclosures(person_id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace casework::app
