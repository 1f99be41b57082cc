// Use cases for consent to share a person's information and the log of disclosures
// (SHR-01..03). Recording needs the right to change the record; reading is for anyone who may
// read it except partner agency staff, who see only what has been shared with them.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/services.h"
#include "core/information_sharing.h"

namespace casework::app {

struct NewConsent {
  std::string purpose;
  ConsentDecision decision = ConsentDecision::kGiven;
  Date decided_on{};
  std::string decided_by;
  std::string note;
};
Result<Consent> RecordConsent(const Services& s, const Actor& actor, const std::string& person_id, NewConsent in);

struct NewDisclosure {
  std::string information;
  std::string recipient;
  std::string recipient_agency;
  Date disclosed_on{};
  std::string purpose;
  LawfulBasis basis = LawfulBasis::kConsent;
  std::string necessary;
  std::string proportionate;
  std::string decided_by;
};
// On consent, the consent in force for the purpose must be given (it is named in the log);
// otherwise the justification for sharing without consent is required (SHR-02).
Result<Disclosure> RecordDisclosure(const Services& s, const Actor& actor, const std::string& person_id,
                                    NewDisclosure in);

struct InformationSharing {
  std::vector<Consent> in_force;     // one per purpose
  std::vector<Consent> history;      // every decision, in the order recorded
  std::vector<Disclosure> disclosures;  // most recent first
};
Result<InformationSharing> ReadInformationSharing(const Services& s, const Actor& actor, const std::string& person_id);

}  // namespace casework::app
