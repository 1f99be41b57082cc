// What a practitioner writes into a child's record: a case note, a contact, a visit or a
// decision, with what the procedures require each to say.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace casework {

enum class EntryType { kCaseNote, kContact, kVisit, kDecision };
const char* EntryTypeName(EntryType type);
std::optional<EntryType> ParseEntryType(std::string_view text);
// The journal kind that an entry of this type is stored as.
const char* EntryKind(EntryType type);
std::optional<EntryType> EntryTypeOfKind(std::string_view kind);

// Records must distinguish facts, opinions, assessments, judgements and decisions.
enum class Classification { kFact, kOpinion, kAssessment, kJudgement, kDecision };
const char* ClassificationName(Classification c);
std::optional<Classification> ParseClassification(std::string_view text);

// First-hand, or from a third party who is named.
struct Source {
  bool first_hand = true;
  std::string name;          // who the information came from, when third-party
  std::string relationship;  // "school nurse", "neighbour"...
};

// The person who gave the information when someone else writes the entry on their behalf.
struct ProvidedBy {
  std::string name;
  std::string post_title;
  std::string user_id;  // set when they are a user, so they can countersign
};

struct Participant {
  std::string name;
  std::string role;    // "mother", "class teacher", "health visitor"...
  std::string agency;  // for professionals
};

struct Action {
  std::string description;
  std::string responsible;
  Date due{};
};

enum class ContactMethod { kFaceToFace, kTelephone, kMeeting, kVideoCall, kEmail, kLetter };
const char* ContactMethodName(ContactMethod m);
std::optional<ContactMethod> ParseContactMethod(std::string_view text);

struct ContactDetails {
  ContactMethod method = ContactMethod::kFaceToFace;
  std::vector<Participant> participants;
  std::string decisions;  // what was decided
  std::vector<Action> actions;
};

struct VisitDetails {
  bool child_seen = false;
  bool seen_alone = false;
  std::string not_seen_reason;        // required when the child was not seen
  std::string not_seen_alone_reason;  // why not alone, when seen with others
};

struct DecisionDetails {
  std::string decided_by;             // name of the person who made the decision
  std::string decided_by_post_title;  // and their post
  std::string reasons;
  Date review_date{};
};

struct Entry {
  EntryType type = EntryType::kCaseNote;
  Timestamp occurred_at{};
  std::string title;
  std::string text;
  Classification classification = Classification::kFact;
  Source source;
  std::optional<ProvidedBy> provided_by;
  bool significant = false;  // belongs in the chronology of significant events
  // The child's wishes and feelings, in their own words, or why they could not be obtained.
  // Required for visits and decisions.
  std::string wishes_and_feelings;
  std::string wishes_not_obtained_reason;
  std::optional<ContactDetails> contact;
  std::optional<VisitDetails> visit;
  std::optional<DecisionDetails> decision;
  // Set when this entry corrects an earlier one.
  std::string corrects_id;
  std::string correction_reason;
};

}  // namespace casework
