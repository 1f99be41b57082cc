#include "app/entries.h"

#include "app/access.h"
#include "app/audit.h"
#include "app/domain_json.h"
#include "app/journal_writer.h"
#include "core/entry_rules.h"
#include "core/journal_kinds.h"
#include "store/chronology_repo.h"
#include "store/journal_repo.h"
#include "store/user_repo.h"

namespace casework::app {
namespace {

// The first line of an entry's text, for lists such as decisions due for review.
std::string Summary(const Entry& e) {
  if (!e.title.empty()) return e.title;
  std::string first = e.text.substr(0, e.text.find('\n'));
  return first.size() > 200 ? first.substr(0, 197) + "..." : first;
}

// Where an entry's information came from, for the chronology: the other agency at a
// contact, or else the author's own.
std::string SourceAgency(const Entry& e, const Actor& actor) {
  if (e.contact) {
    for (const Participant& p : e.contact->participants) {
      if (!p.agency.empty() && p.agency != actor.user.agency) return p.agency;
    }
  }
  return actor.user.agency;
}

// Fills in a provider who is a user from their user record, so their name and post title
// are as the system knows them.
Status ResolveProvider(store::Connection& c, Entry& e) {
  if (!e.provided_by || e.provided_by->user_id.empty()) return Status::Ok();
  auto user = store::UserRepo(c).Get(e.provided_by->user_id);
  if (!user) return Status::Invalid("provided_by.user_id", "names no user of Casework");
  e.provided_by->name = user->full_name;
  e.provided_by->post_title = user->post_title;
  return Status::Ok();
}

// Whether the entry's body can change inside its unit of work: a provider who is a user gets
// their name and post from their user record there (ResolveProvider).
bool BodyResolvedInUnit(const Entry& e) { return e.provided_by && !e.provided_by->user_id.empty(); }

// The entry's body, written before its unit of work so that the writer's thread, which every
// change waits for, does not spend its time on it; empty when it must wait for the unit.
std::string BodyBeforeUnit(const Entry& e) { return BodyResolvedInUnit(e) ? std::string() : EntryText(e); }

// Writes the entry's item and what it adds to the decision, action and countersignature
// lists.
JournalItem WriteEntry(store::Connection& c, const Services& s, const Actor& actor, const std::string& record_id,
                       const Entry& e, const std::string& body_before_unit) {
  // Copied, not moved: a database may run the unit again.
  ItemBody body = ItemBody::Text(BodyResolvedInUnit(e) ? EntryText(e) : body_before_unit);
  JournalItem item = AppendItem(c, s, actor, {record_id, EntryKind(e.type), e.occurred_at, e.corrects_id,
                                              std::move(body), true});
  store::EntryIndexRepo index(c);
  if (!e.corrects_id.empty()) index.Supersede(e.corrects_id, item.id);
  // CHR-01: significant events, and everything partner agencies contribute, are listed in
  // the chronology; a correction takes the place of what it corrects.
  store::ChronologyRepo chronology(c);
  if (!e.corrects_id.empty()) chronology.Supersede(e.corrects_id, item.id);
  if (e.significant || actor.user.role == Role::kPartnerPractitioner) {
    chronology.Insert(item, Summary(e), SourceAgency(e, actor));
  }
  if (e.decision) {
    index.InsertDecision({item.id, record_id, e.decision->decided_by, Summary(e), e.decision->review_date});
  }
  if (e.contact) {
    for (const Action& a : e.contact->actions) {
      index.InsertAction({s.ids.Next(), item.id, record_id, a.description, a.responsible, a.due});
    }
  }
  if (e.provided_by && !e.provided_by->user_id.empty() && e.provided_by->user_id != actor.user.id) {
    index.InsertCountersignature({item.id, record_id, e.provided_by->user_id, ""});
  }
  return item;
}

Status RequireCaseRecord(const RecordAccess& access) {
  if (access.case_record) return Status::Ok();
  return Status::Conflict("entries are written on a child's case record, and this person has none");
}

}  // namespace

std::vector<std::string> AcronymsToDefine(const Services& s, const Entry& entry) {
  return UndefinedAcronyms(entry, s.settings.glossary);
}

Result<JournalItem> RecordEntry(const Services& s, const Actor& actor, const std::string& record_id, Entry entry) {
  return WaitForAnswer<JournalItem>([&](AnswerLater<JournalItem> answer) {
    RecordEntryThen(s, actor, record_id, std::move(entry), std::move(answer));
  });
}

void RecordEntryThen(const Services& s, const Actor& actor, const std::string& record_id, Entry entry,
                     AnswerLater<JournalItem> answer) {
  entry.corrects_id.clear();
  entry.correction_reason.clear();
  if (Status wrong = CheckEntry(entry, s.clock.Now()); !wrong.ok()) return answer(wrong);
  // Owned here, not by the caller's stack: the unit of work runs later, on the writer's thread.
  struct Note {
    std::shared_ptr<const Actor> actor;
    std::string record_id;
    Entry entry;
    std::string body;
    JournalItem item;
  };
  auto note = std::make_shared<Note>(Note{std::make_shared<const Actor>(actor), record_id, std::move(entry), {}, {}});
  note->body = BodyBeforeUnit(note->entry);
  // The journal's next number is reserved with the case record's read, in one round trip to a
  // database server: a unit that goes on to write always appends, and one that stops short
  // (refused, no case record) is rolled back with its reservation.
  AccessReads reads;
  reads.ahead = [note](store::Connection& c) { store::JournalRepo(c).SendReserveNextAhead(note->record_id); };
  // A note changes only its own record's journal and lists: a batch of notes on different
  // records has all their reads sent together.
  reads.independent_of_other_records = true;
  WriteToRecordThen(
      s, note->actor, record_id, RecordOperation::kContribute,
      std::string("recorded a ") + EntryTypeName(note->entry.type),
      [&s, note](store::Connection& c, const RecordAccess& access) {
        CASEWORK_RETURN_IF_ERROR(RequireCaseRecord(access));
        CASEWORK_RETURN_IF_ERROR(ResolveProvider(c, note->entry));
        note->item = WriteEntry(c, s, *note->actor, note->record_id, note->entry, note->body);
        return Status::Ok();
      },
      std::move(reads),
      [note, answer = std::move(answer)](Status recorded) {
        if (!recorded.ok()) return answer(std::move(recorded));
        answer(std::move(note->item));
      });
}

Result<JournalItem> CorrectEntry(const Services& s, const Actor& actor, const std::string& record_id,
                                 const std::string& item_id, Entry replacement) {
  replacement.corrects_id = item_id;
  CASEWORK_RETURN_IF_ERROR(CheckEntry(replacement, s.clock.Now()));
  const std::string body = BodyBeforeUnit(replacement);
  JournalItem item;
  Status st = WriteToRecord(s, actor, record_id, RecordOperation::kContribute, "corrected entry " + item_id,
                            [&](store::Connection& c, const RecordAccess& access) {
    auto original = store::JournalRepo(c).Get(item_id);
    if (!original || original->record_id != record_id ||
        !access.ItemVisible(original->id, original->author_user_id, actor.user.id)) {
      return Status::NotFound("there is no entry " + item_id + " in this record");
    }
    auto type = EntryTypeOfKind(original->kind);
    if (!type) return Status::Invalid("corrects", "only entries can be corrected; " + original->kind + " is not one");
    if (*type != replacement.type) {
      return Status::Invalid("type", std::string("a correction of a ") + EntryTypeName(*type) + " must also be a " +
                                         EntryTypeName(*type));
    }
    CASEWORK_RETURN_IF_ERROR(ResolveProvider(c, replacement));
    item = WriteEntry(c, s, actor, record_id, replacement, body);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return item;
}

Result<JournalItem> Countersign(const Services& s, const Actor& actor, const std::string& record_id,
                                const std::string& item_id) {
  JournalItem item;
  Status st = WriteToRecord(s, actor, record_id, RecordOperation::kCountersign, "countersigned entry " + item_id,
                            [&](store::Connection& c, const RecordAccess&) {
    store::EntryIndexRepo index(c);
    auto request = index.Countersignature(item_id);
    if (!request || request->record_id != record_id) {
      return Status::NotFound("entry " + item_id + " in this record does not await a countersignature");
    }
    if (request->provider_user_id != actor.user.id) {
      return Status::Denied("only the person who gave the information can countersign this entry");
    }
    if (!request->signed_item_id.empty()) return Status::Conflict("you have already countersigned this entry");
    item = AppendItem(c, s, actor,
                      {record_id, kinds::kCountersigned, std::nullopt, item_id,
                       boost::json::object{{"name", actor.user.full_name},
                                           {"post_title", actor.user.post_title},
                                           {"statement", "I have read this entry and it records what I said."}}});
    index.MarkCountersigned(item_id, item.id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return item;
}

Result<JournalView> ReadJournal(const Services& s, const Actor& actor, const std::string& record_id,
                                const JournalQuery& q) {
  if (q.limit < 1 || q.limit > 500) return Status::Invalid("limit", "must be between 1 and 500");
  JournalView view;
  std::string detail = "read the journal";
  if (q.before_seq > 0) detail += " before item " + std::to_string(q.before_seq);
  Status st = ReadRecordAs(s, actor, record_id, detail, [&](store::Connection& c, const RecordAccess& access) {
    store::JournalRepo journal(c);
    store::JournalPage page = journal.Page(record_id, q.before_seq, q.limit, q.kinds);
    view = {};
    view.more = page.more;
    std::vector<std::string> ids;
    for (const JournalItem& item : page.items) ids.push_back(item.id);
    std::vector<JournalItem> referring = journal.Referring(ids);
    store::EntryIndexRepo index(c);
    for (JournalItem& item : page.items) {
      // SEC-05: a partner sees only what was shared with them and what they wrote.
      if (!access.ItemVisible(item.id, item.author_user_id, actor.user.id)) continue;
      JournalEntryView v;
      for (const JournalItem& r : referring) {
        if (r.target_id != item.id) continue;
        if (r.kind == kinds::kCountersigned) v.countersignature = r;
        else v.corrected_by.push_back(r.id);
      }
      if (!v.countersignature && EntryTypeOfKind(item.kind)) {
        auto request = index.Countersignature(item.id);
        v.awaiting_countersignature = request && request->signed_item_id.empty();
      }
      v.item = std::move(item);
      view.items.push_back(std::move(v));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

Result<std::vector<store::DecisionRow>> DecisionsDueForReview(const Services& s, const Actor& actor, Date by) {
  CASEWORK_RETURN_IF_ERROR(RequireCaseworkRole(s, actor, "list decisions due for review"));
  std::vector<store::DecisionRow> rows;
  Status st = s.db.Read([&](store::Connection& c) {
    for (store::DecisionRow& row : store::EntryIndexRepo(c).DecisionsDueBy(by, 500)) {
      if (CheckRecordAccess(c, s, actor, row.record_id, AccessKind::kRead).ok()) rows.push_back(std::move(row));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  CASEWORK_RETURN_IF_ERROR(AuditAlone(s, actor, {"report.decisions_due", "", true, RoleName(actor.user.role),
                                                 "decisions due by " + FormatDate(by)}));
  return rows;
}

}  // namespace casework::app
