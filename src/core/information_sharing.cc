#include "core/information_sharing.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/entry_rules.h"

namespace casework {

const char* ConsentDecisionName(ConsentDecision d) {
  switch (d) {
    case ConsentDecision::kGiven: return "given";
    case ConsentDecision::kRefused: return "refused";
    case ConsentDecision::kWithdrawn: return "withdrawn";
  }
  return "given";
}

std::optional<ConsentDecision> ParseConsentDecision(std::string_view text) {
  for (ConsentDecision d : {ConsentDecision::kGiven, ConsentDecision::kRefused, ConsentDecision::kWithdrawn}) {
    if (text == ConsentDecisionName(d)) return d;
  }
  return std::nullopt;
}

const char* LawfulBasisName(LawfulBasis b) {
  switch (b) {
    case LawfulBasis::kConsent: return "consent";
    case LawfulBasis::kSignificantHarm: return "significant_harm";
    case LawfulBasis::kPublicInterest: return "public_interest";
    case LawfulBasis::kLegalDuty: return "legal_duty";
  }
  return "consent";
}

std::optional<LawfulBasis> ParseLawfulBasis(std::string_view text) {
  for (LawfulBasis b : {LawfulBasis::kConsent, LawfulBasis::kSignificantHarm, LawfulBasis::kPublicInterest,
                        LawfulBasis::kLegalDuty}) {
    if (text == LawfulBasisName(b)) return b;
  }
  return std::nullopt;
}

namespace {

Status NotAfterToday(Date d, Date today, const std::string& field) {
  if (date::sys_days{d} > date::sys_days{today}) return Status::Invalid(field, "cannot be after today");
  return Status::Ok();
}

}  // namespace

Status CheckConsent(const Consent& c, Date today) {
  CASEWORK_RETURN_IF_ERROR(CheckText(c.purpose, "purpose", 500, true));
  CASEWORK_RETURN_IF_ERROR(NotAfterToday(c.decided_on, today, "decided_on"));
  CASEWORK_RETURN_IF_ERROR(CheckText(c.decided_by, "decided_by", 200, true));
  return CheckText(c.note, "note", 2000, false);
}

Status CheckDisclosure(const Disclosure& d, Date today) {
  CASEWORK_RETURN_IF_ERROR(CheckText(d.information, "information", 4000, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(d.recipient, "recipient", 200, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(d.recipient_agency, "recipient_agency", 200, false));
  CASEWORK_RETURN_IF_ERROR(NotAfterToday(d.disclosed_on, today, "disclosed_on"));
  CASEWORK_RETURN_IF_ERROR(CheckText(d.purpose, "purpose", 500, true));
  if (d.basis == LawfulBasis::kConsent) {
    for (const auto& [text, field] : {std::pair{&d.necessary, "necessary"}, std::pair{&d.proportionate, "proportionate"},
                                      std::pair{&d.decided_by, "decided_by"}}) {
      if (!text->empty()) return Status::Invalid(field, "is for sharing without consent; this disclosure rests on consent");
    }
    return Status::Ok();
  }
  // SHR-02: sharing without consent says why it is necessary and proportionate, and who decided.
  CASEWORK_RETURN_IF_ERROR(CheckText(d.necessary, "necessary", 4000, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(d.proportionate, "proportionate", 4000, true));
  return CheckText(d.decided_by, "decided_by", 200, true);
}

std::string PurposeKey(std::string_view purpose) {
  std::string key;
  bool space = false;
  for (char ch : purpose) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return key;
}

std::vector<Consent> ConsentsInForce(std::vector<Consent> history) {
  std::map<std::string, Consent> latest;
  for (Consent& c : history) {
    std::string key = PurposeKey(c.purpose);
    auto it = latest.find(key);
    bool later = it == latest.end() || date::sys_days{c.decided_on} > date::sys_days{it->second.decided_on} ||
                 (c.decided_on == it->second.decided_on && c.recorded_at >= it->second.recorded_at);
    if (later) latest[key] = std::move(c);
  }
  std::vector<Consent> out;
  for (auto& [key, c] : latest) out.push_back(std::move(c));
  return out;
}

Result<Consent> ConsentToRelyOn(const std::vector<Consent>& history, std::string_view purpose) {
  std::string key = PurposeKey(purpose);
  for (const Consent& c : ConsentsInForce(history)) {
    if (PurposeKey(c.purpose) != key) continue;
    if (c.decision == ConsentDecision::kGiven) return c;
    return Status::Invalid("lawful_basis", std::string("consent for this purpose was ") + ConsentDecisionName(c.decision) +
                                               " on " + FormatDate(c.decided_on) +
                                               "; sharing now needs a justification without consent");
  }
  return Status::Invalid("lawful_basis",
                         "no consent is recorded for this purpose; record the person's consent first, or the "
                         "justification for sharing without it");
}

}  // namespace casework
