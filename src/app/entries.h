// Use cases for what practitioners write in a child's record (ENT-01..08): entries,
// corrections, countersignatures, and reading the journal back.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/answer_later.h"
#include "app/services.h"
#include "core/entry.h"
#include "core/journal_item.h"
#include "store/entry_index_repo.h"

namespace casework::app {

// ENT-09: the acronyms in an entry that the partnership's glossary does not define, so the page
// can ask its author to spell them out. Advice only: an entry is never refused for them.
std::vector<std::string> AcronymsToDefine(const Services& s, const Entry& entry);

Result<JournalItem> RecordEntry(const Services& s, const Actor& actor, const std::string& record_id, Entry entry);
// The same, handed to the writer without waiting: answer is told the item once it has
// committed with its access-log line, or why it was not recorded (see app/answer_later.h).
void RecordEntryThen(const Services& s, const Actor& actor, const std::string& record_id, Entry entry,
                     AnswerLater<JournalItem> answer);

// Records replacement as a correction of the entry item_id, for the reason given in
// replacement.correction_reason. Both stay in the record (ENT-06).
Result<JournalItem> CorrectEntry(const Services& s, const Actor& actor, const std::string& record_id,
                                 const std::string& item_id, Entry replacement);

// The person who gave the information for an entry written on their behalf confirms it,
// with their post title (ENT-04).
Result<JournalItem> Countersign(const Services& s, const Actor& actor, const std::string& record_id,
                                const std::string& item_id);

struct JournalQuery {
  int64_t before_seq = 0;  // 0: start from the newest
  int limit = 50;
  std::vector<std::string> kinds;  // empty: every kind
};

struct JournalEntryView {
  JournalItem item;
  std::vector<std::string> corrected_by;  // ids of later items that correct this one
  std::optional<JournalItem> countersignature;
  bool awaiting_countersignature = false;
};

struct JournalView {
  std::vector<JournalEntryView> items;  // newest first
  bool more = false;
};

Result<JournalView> ReadJournal(const Services& s, const Actor& actor, const std::string& record_id,
                                const JournalQuery& query);

// Decisions due for review on or before the given date (ENT-05).
Result<std::vector<store::DecisionRow>> DecisionsDueForReview(const Services& s, const Actor& actor, Date by);

}  // namespace casework::app
