#include "store/information_sharing_repo.h"

#include "store/row.h"

namespace casework::store {
namespace {

Date DateAt(const Cursor& r, int column) {
  auto d = OptDateAt(r, column);
  if (!d) throw DbError(DbError::Kind::kOther, "a stored date is missing");
  return *d;
}

}  // namespace

void InformationSharingRepo::InsertConsent(const Consent& k) {
  std::string key = PurposeKey(k.purpose), on = FormatDate(k.decided_on), at = FormatTimestamp(k.recorded_at);
  c_.Exec(
      "INSERT INTO consents (id, person_id, purpose, purpose_key, decision, decided_on, decided_by, note, "
      "recorded_by, recorded_by_name, recorded_at, item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(k.id), std::string_view(k.person_id), std::string_view(k.purpose), std::string_view(key),
       std::string_view(ConsentDecisionName(k.decision)), std::string_view(on), std::string_view(k.decided_by),
       std::string_view(k.note), std::string_view(k.recorded_by), std::string_view(k.recorded_by_name),
       std::string_view(at), std::string_view(k.item_id)});
}

std::vector<Consent> InformationSharingRepo::Consents(const std::string& person_id) {
  auto rows = c_.Query(
      "SELECT id, person_id, purpose, decision, decided_on, decided_by, note, recorded_by, recorded_by_name, "
      "recorded_at, item_id FROM consents WHERE person_id = ? ORDER BY recorded_at, id",
      {std::string_view(person_id)});
  std::vector<Consent> out;
  while (rows->Next()) {
    Consent k;
    k.id = rows->String(0);
    k.person_id = rows->String(1);
    k.purpose = rows->String(2);
    auto decision = ParseConsentDecision(rows->Text(3));
    if (!decision) throw DbError(DbError::Kind::kOther, "a stored consent decision is not one Casework knows");
    k.decision = *decision;
    k.decided_on = DateAt(*rows, 4);
    k.decided_by = rows->String(5);
    k.note = rows->String(6);
    k.recorded_by = rows->String(7);
    k.recorded_by_name = rows->String(8);
    k.recorded_at = TimestampAt(*rows, 9);
    k.item_id = rows->String(10);
    out.push_back(std::move(k));
  }
  return out;
}

void InformationSharingRepo::InsertDisclosure(const Disclosure& d) {
  std::string on = FormatDate(d.disclosed_on), at = FormatTimestamp(d.recorded_at);
  c_.Exec(
      "INSERT INTO disclosures (id, person_id, information, recipient, recipient_agency, disclosed_on, purpose, "
      "lawful_basis, consent_id, necessary, proportionate, decided_by, recorded_by, recorded_by_name, recorded_at, "
      "item_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(d.id), std::string_view(d.person_id), std::string_view(d.information),
       std::string_view(d.recipient), std::string_view(d.recipient_agency), std::string_view(on),
       std::string_view(d.purpose), std::string_view(LawfulBasisName(d.basis)), TextOrNull(d.consent_id),
       std::string_view(d.necessary), std::string_view(d.proportionate), std::string_view(d.decided_by),
       std::string_view(d.recorded_by), std::string_view(d.recorded_by_name), std::string_view(at),
       std::string_view(d.item_id)});
}

std::vector<Disclosure> InformationSharingRepo::Disclosures(const std::string& person_id) {
  auto rows = c_.Query(
      "SELECT id, person_id, information, recipient, recipient_agency, disclosed_on, purpose, lawful_basis, "
      "consent_id, necessary, proportionate, decided_by, recorded_by, recorded_by_name, recorded_at, item_id "
      "FROM disclosures WHERE person_id = ? ORDER BY disclosed_on DESC, recorded_at DESC, id",
      {std::string_view(person_id)});
  std::vector<Disclosure> out;
  while (rows->Next()) {
    Disclosure d;
    d.id = rows->String(0);
    d.person_id = rows->String(1);
    d.information = rows->String(2);
    d.recipient = rows->String(3);
    d.recipient_agency = rows->String(4);
    d.disclosed_on = DateAt(*rows, 5);
    d.purpose = rows->String(6);
    auto basis = ParseLawfulBasis(rows->Text(7));
    if (!basis) throw DbError(DbError::Kind::kOther, "a stored lawful basis is not one Casework knows");
    d.basis = *basis;
    d.consent_id = rows->IsNull(8) ? "" : rows->String(8);
    d.necessary = rows->String(9);
    d.proportionate = rows->String(10);
    d.decided_by = rows->String(11);
    d.recorded_by = rows->String(12);
    d.recorded_by_name = rows->String(13);
    d.recorded_at = TimestampAt(*rows, 14);
    d.item_id = rows->String(15);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace casework::store
