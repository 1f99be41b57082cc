// Consent to share a person's information, and each disclosure of it to someone outside
// Casework (SHR-01..03): consent is recorded per purpose and the latest decision for a purpose
// is the one in force; sharing without consent in force needs a recorded justification.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace casework {

enum class ConsentDecision { kGiven, kRefused, kWithdrawn };
const char* ConsentDecisionName(ConsentDecision d);
std::optional<ConsentDecision> ParseConsentDecision(std::string_view text);

struct Consent {
  std::string id;
  std::string person_id;
  std::string purpose;  // what the information may be shared for, and with whom
  ConsentDecision decision = ConsentDecision::kGiven;
  Date decided_on{};
  std::string decided_by;  // the person, or who decides for them ("mother, with parental responsibility")
  std::string note;
  std::string recorded_by;       // user id
  std::string recorded_by_name;  // as they were then
  Timestamp recorded_at{};
  std::string item_id;  // the journal item that records it
};

// The grounds a disclosure rests on. All but consent are sharing without consent (SHR-02).
enum class LawfulBasis { kConsent, kSignificantHarm, kPublicInterest, kLegalDuty };
const char* LawfulBasisName(LawfulBasis b);
std::optional<LawfulBasis> ParseLawfulBasis(std::string_view text);

struct Disclosure {
  std::string id;
  std::string person_id;
  std::string information;  // what was disclosed
  std::string recipient;    // to whom: name and role
  std::string recipient_agency;
  Date disclosed_on{};
  std::string purpose;  // why
  LawfulBasis basis = LawfulBasis::kConsent;
  std::string consent_id;  // on consent: the consent relied on
  // Without consent: why sharing is necessary and why proportionate, and who decided.
  std::string necessary;
  std::string proportionate;
  std::string decided_by;
  std::string recorded_by;
  std::string recorded_by_name;
  Timestamp recorded_at{};
  std::string item_id;
};

// Ok, or the first rule broken with its field. Dates may not be after today.
Status CheckConsent(const Consent& consent, Date today);
Status CheckDisclosure(const Disclosure& disclosure, Date today);

// Purposes are matched ignoring case and runs of spaces, so "School nurse" is "school  nurse".
std::string PurposeKey(std::string_view purpose);

// The consent in force for each purpose: the latest decision for it (by the date decided,
// then by when it was recorded), in the order of their purposes' keys.
std::vector<Consent> ConsentsInForce(std::vector<Consent> history);

// The consent a disclosure for purpose may rest on: the one in force for that purpose, if it
// is given. Otherwise an InvalidArgument on lawful_basis saying what is in force instead.
Result<Consent> ConsentToRelyOn(const std::vector<Consent>& history, std::string_view purpose);

}  // namespace casework
