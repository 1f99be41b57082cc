#include "core/entry_rules.h"

#include "core/text.h"

namespace casework {
namespace {

constexpr size_t kLongText = 100000;
constexpr size_t kShortText = 300;

Status CheckSource(const Source& source) {
  if (source.first_hand) return Status::Ok();
  return CheckText(source.name, "source.name", kShortText, true).ok()
             ? Status::Ok()
             : Status::Invalid("source.name", "must name who gave the information when it is third-party");
}

Status CheckWishes(const Entry& e) {
  bool has_wishes = !IsBlank(e.wishes_and_feelings);
  bool has_reason = !IsBlank(e.wishes_not_obtained_reason);
  if (!has_wishes && !has_reason) {
    return Status::Invalid("wishes_and_feelings",
                           "must record the child's wishes and feelings in their own words, or say in "
                           "wishes_not_obtained_reason why they could not be obtained");
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(e.wishes_and_feelings, "wishes_and_feelings", kLongText, false));
  return CheckText(e.wishes_not_obtained_reason, "wishes_not_obtained_reason", kLongText, false);
}

Status CheckContact(const Entry& e, Timestamp now) {
  if (!e.contact) return Status::Invalid("contact", "is required for a contact");
  const ContactDetails& c = *e.contact;
  if (c.participants.empty()) return Status::Invalid("contact.participants", "must list who took part");
  for (size_t i = 0; i < c.participants.size(); ++i) {
    std::string at = "contact.participants[" + std::to_string(i) + "]";
    CASEWORK_RETURN_IF_ERROR(CheckText(c.participants[i].name, at + ".name", kShortText, true));
    CASEWORK_RETURN_IF_ERROR(CheckText(c.participants[i].role, at + ".role", kShortText, true));
    CASEWORK_RETURN_IF_ERROR(CheckText(c.participants[i].agency, at + ".agency", kShortText, false));
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(c.decisions, "contact.decisions", kLongText, false));
  for (size_t i = 0; i < c.actions.size(); ++i) {
    std::string at = "contact.actions[" + std::to_string(i) + "]";
    CASEWORK_RETURN_IF_ERROR(CheckText(c.actions[i].description, at + ".description", kLongText, true));
    CASEWORK_RETURN_IF_ERROR(CheckText(c.actions[i].responsible, at + ".responsible", kShortText, true));
    if (date::sys_days{c.actions[i].due} < date::sys_days{LondonDate(e.occurred_at)}) {
      return Status::Invalid(at + ".due", "cannot be before the contact took place");
    }
  }
  return Status::Ok();
}

Status CheckVisit(const Entry& e) {
  if (!e.visit) return Status::Invalid("visit", "is required for a visit");
  const VisitDetails& v = *e.visit;
  if (!v.child_seen) {
    if (v.seen_alone) return Status::Invalid("visit.seen_alone", "cannot be true when the child was not seen");
    CASEWORK_RETURN_IF_ERROR(CheckText(v.not_seen_reason, "visit.not_seen_reason", kLongText, true));
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(v.not_seen_alone_reason, "visit.not_seen_alone_reason", kLongText, false));
  return CheckWishes(e);
}

Status CheckDecision(const Entry& e) {
  if (!e.decision) return Status::Invalid("decision", "is required for a decision");
  const DecisionDetails& d = *e.decision;
  CASEWORK_RETURN_IF_ERROR(CheckText(d.decided_by, "decision.decided_by", kShortText, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(d.decided_by_post_title, "decision.decided_by_post_title", kShortText, true));
  CASEWORK_RETURN_IF_ERROR(CheckText(d.reasons, "decision.reasons", kLongText, true));
  if (date::sys_days{d.review_date} <= date::sys_days{LondonDate(e.occurred_at)}) {
    return Status::Invalid("decision.review_date", "must be after the date of the decision");
  }
  return CheckWishes(e);
}

}  // namespace

Status CheckText(std::string_view text, const std::string& field, size_t max_chars, bool required) {
  if (required && IsBlank(text)) return Status::Invalid(field, "is required");
  if (Utf8Length(text) > max_chars) {
    return Status::Invalid(field, "is longer than " + std::to_string(max_chars) + " characters");
  }
  return Status::Ok();
}

Status CheckEntry(const Entry& e, Timestamp now) {
  if (e.occurred_at > now + kClockSkewAllowance) {
    return Status::Invalid("occurred_at", "is in the future; record events once they have happened");
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(e.title, "title", kShortText, false));
  CASEWORK_RETURN_IF_ERROR(CheckText(e.text, "text", kLongText, true));
  CASEWORK_RETURN_IF_ERROR(CheckSource(e.source));
  if (e.provided_by) {
    // A provider who is a user is named from their user record when the entry is written.
    bool is_user = !e.provided_by->user_id.empty();
    CASEWORK_RETURN_IF_ERROR(CheckText(e.provided_by->name, "provided_by.name", kShortText, !is_user));
    CASEWORK_RETURN_IF_ERROR(CheckText(e.provided_by->post_title, "provided_by.post_title", kShortText, false));
  }
  if (!e.corrects_id.empty()) {
    CASEWORK_RETURN_IF_ERROR(CheckText(e.correction_reason, "correction_reason", kLongText, true));
  }
  if (e.type != EntryType::kContact && e.contact) return Status::Invalid("contact", "belongs only on a contact");
  if (e.type != EntryType::kVisit && e.visit) return Status::Invalid("visit", "belongs only on a visit");
  if (e.type != EntryType::kDecision && e.decision) return Status::Invalid("decision", "belongs only on a decision");
  switch (e.type) {
    case EntryType::kCaseNote: return Status::Ok();
    case EntryType::kContact: return CheckContact(e, now);
    case EntryType::kVisit: return CheckVisit(e);
    case EntryType::kDecision: return CheckDecision(e);
  }
  return Status::Ok();
}

bool IsLateEntry(Timestamp occurred_at, Timestamp recorded_at, std::chrono::minutes window) {
  return recorded_at - occurred_at > window;
}

}  // namespace casework
