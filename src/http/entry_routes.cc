// Entries in a child's record, corrections, countersignatures and the journal
// (ENT-01..08).
#include <algorithm>

#include "app/chronology.h"
#include "app/entries.h"
#include "core/journal_kinds.h"
#include "http/chronology_csv.h"
#include "http/handler_support.h"
#include "core/json_text.h"
#include "http/recorded_item_text.h"

namespace casework::http {
namespace json = boost::json;

namespace {

void ReadContact(JsonReader& r, ContactDetails& c) {
  c.method = Choice<ContactMethod>(r, "method", ParseContactMethod,
                                   "face_to_face, telephone, meeting, video_call, email, letter");
  r.Objects("participants", true, [&](JsonReader& p) {
    c.participants.push_back({p.String("name", true), p.String("role", true), p.String("agency")});
  });
  c.decisions = r.String("decisions");
  r.Objects("actions", false, [&](JsonReader& a) {
    Action action{a.String("description", true), a.String("responsible", true), {}};
    if (auto due = a.OptDate("due", true)) action.due = *due;
    c.actions.push_back(std::move(action));
  });
}

void ReadEntry(JsonReader& r, Entry& e, bool correction) {
  e.type = Choice<EntryType>(r, "type", ParseEntryType, "case_note, contact, visit, decision");
  if (auto t = r.OptTimestamp("occurred_at", true)) e.occurred_at = *t;
  e.title = r.String("title");
  e.text = r.String("text", true);
  e.classification = Choice<Classification>(r, "classification", ParseClassification,
                                            "fact, opinion, assessment, judgement, decision");
  r.Object("source", true, [&](JsonReader& s) {
    e.source.first_hand = s.Bool("first_hand", true);
    e.source.name = s.String("name");
    e.source.relationship = s.String("relationship");
  });
  r.Object("provided_by", false, [&](JsonReader& p) {
    e.provided_by = ProvidedBy{p.String("name"), p.String("post_title"), p.String("user_id")};
    if (e.provided_by->user_id.empty() && e.provided_by->name.empty()) {
      p.Fail("name", "is required: say who gave the information (or their user_id)");
    }
  });
  e.significant = r.Bool("significant");
  e.wishes_and_feelings = r.String("wishes_and_feelings");
  e.wishes_not_obtained_reason = r.String("wishes_not_obtained_reason");
  r.Object("contact", false, [&](JsonReader& c) { ReadContact(c, e.contact.emplace()); });
  r.Object("visit", false, [&](JsonReader& v) {
    VisitDetails& visit = e.visit.emplace();
    visit.child_seen = v.Bool("child_seen", true);
    visit.seen_alone = v.Bool("seen_alone", visit.child_seen);
    visit.not_seen_reason = v.String("not_seen_reason");
    visit.not_seen_alone_reason = v.String("not_seen_alone_reason");
  });
  r.Object("decision", false, [&](JsonReader& d) {
    DecisionDetails& decision = e.decision.emplace();
    decision.decided_by = d.String("decided_by", true);
    decision.decided_by_post_title = d.String("decided_by_post_title", true);
    decision.reasons = d.String("reasons", true);
    if (auto review = d.OptDate("review_date", true)) decision.review_date = *review;
  });
  if (correction) e.correction_reason = r.String("correction_reason", true);
}

// The recorded item, and the acronyms its author is asked to define (ENT-09).
Response Recorded(const Result<JournalItem>& item, const std::vector<std::string>& undefined_acronyms) {
  if (!item.ok()) return ErrorResponse(item.status());
  return JsonResponse(201, RecordedItemText(*item, undefined_acronyms));
}

// Handed to the writer; the answer goes out once the note and its access-log line are
// committed, so no thread waits for the commit. Its text is written on the connection's
// thread, not the writer's.
void Record(const Call& call, Reply reply) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return reply(std::move(*bad));
  Entry e;
  if (auto bad = ReadBody(call, [&](JsonReader& r) { ReadEntry(r, e, false); })) return reply(std::move(*bad));
  std::vector<std::string> undefined = app::AcronymsToDefine(call.services, e);
  app::RecordEntryThen(call.services, call.actor(), id, std::move(e),
                       [reply = std::move(reply), undefined = std::move(undefined)](Result<JournalItem> item) mutable {
                         reply.Make([item = std::move(item), undefined = std::move(undefined)] {
                           return Recorded(item, undefined);
                         });
                       });
}

Response Correct(const Call& call) {
  std::string id, item;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = PathId(call, "item", item)) return *bad;
  Entry e;
  if (auto bad = ReadBody(call, [&](JsonReader& r) { ReadEntry(r, e, true); })) return *bad;
  std::vector<std::string> undefined = app::AcronymsToDefine(call.services, e);
  return Recorded(app::CorrectEntry(call.services, call.actor(), id, item, std::move(e)), undefined);
}

Response Countersign(const Call& call) {
  std::string id, item;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = PathId(call, "item", item)) return *bad;
  if (!call.request.body.empty()) {
    if (auto bad = ReadBody(call, [](JsonReader&) {})) return *bad;
  }
  return Answer(app::Countersign(call.services, call.actor(), id, item),
                [](const JournalItem& i) { return json::object{{"item", JournalItemJson(i)}}; }, 201);
}

Response Journal(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = OnlyQuery(call.request, {"before", "limit", "type"})) return *bad;
  app::JournalQuery q;
  Result<int> limit = QueryInt(call.request, "limit", 50, 1, 500);
  if (!limit.ok()) return ErrorResponse(limit.status());
  q.limit = *limit;
  Result<int> before = QueryInt(call.request, "before", 0, 0, 999999999);
  if (!before.ok()) return ErrorResponse(before.status());
  q.before_seq = *before;
  for (const std::string& type : call.request.QueryValues("type")) {
    auto entry = ParseEntryType(type);
    if (!entry) return ErrorResponse(400, "invalid_argument", "must be case_note, contact, visit or decision", "type");
    q.kinds.push_back(EntryKind(*entry));
  }
  return Answer(app::ReadJournal(call.services, call.actor(), id, q), [](const app::JournalView& v) {
    json::array items;
    for (const app::JournalEntryView& e : v.items) items.push_back(JournalEntryJson(e));
    json::object page{{"items", std::move(items)}, {"more", v.more}};
    page["next_before"] = v.more && !v.items.empty() ? json::value(v.items.back().item.seq) : nullptr;
    return page;
  });
}

// Written as text as the events are read, rather than built as a document: a whole
// chronology is 10,000 events.
class ChronologyText {
 public:
  explicit ChronologyText(int limit) : limit_(limit) {}

  app::ChronologySink Sink() {
    return {[this] { Begin(); }, [this](const store::ChronologyRow& e) { Event(e); }};
  }

  std::string Finish(const app::ChronologyPageEnd& end) {
    t_.Raw("]").Key("more").Bool(end.more).Key("next_after");
    if (end.more) t_.String(end.next_after);
    else t_.Null();
    return t_.Raw("}").Take();
  }

 private:
  void Begin() {
    // Room for the whole page asked for, at about 400 bytes an event, so a long chronology
    // is written without being copied to a larger buffer as it grows (4 MB for a whole one,
    // where the copies and the fresh pages they faulted in were a third of the request's
    // CPU). Reserving costs little: pages of a block this large are given to the process as
    // they are first written, so a short chronology touches only what it writes.
    t_ = JsonText(static_cast<size_t>(limit_) * 400 + 64);
    t_.Raw("{").Key("events", true).Raw("[");
    first_ = true;
  }

  void Event(const store::ChronologyRow& e) {
    auto type = EntryTypeOfKind(e.kind);
    if (!first_) t_.Raw(",");
    first_ = false;
    t_.Raw("{").Key("item_id", true).String(e.item_id).Key("seq").Int(e.seq);
    t_.Key("type").String(type ? EntryTypeName(*type) : "");
    t_.Key("occurred_at").Time(e.occurred_at).Key("recorded_at").Time(e.recorded_at);
    t_.Key("late").Bool(e.late).Key("summary").String(e.summary).Key("agency").String(e.agency);
    t_.Key("author").Raw("{").Key("user_id", true).String(e.author_user_id).Key("name").String(e.author_name);
    t_.Key("post_title").String(e.author_post_title).Raw("}}");
  }

  int limit_;
  JsonText t_;
  bool first_ = true;
};

// CHR-01: significant events in the order they happened, a page at a time or whole.
Response Chronology(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = OnlyQuery(call.request, {"after", "limit"})) return *bad;
  app::ChronologyQuery q;
  Result<int> limit = QueryInt(call.request, "limit", 100, 1, app::kMaxChronologyPage);
  if (!limit.ok()) return ErrorResponse(limit.status());
  q.limit = *limit;
  if (auto after = call.request.QueryValue("after")) q.after = std::string(*after);
  ChronologyText text(q.limit);
  Result<app::ChronologyPageEnd> end = app::ReadChronology(call.services, call.actor(), id, q, text.Sink());
  if (!end.ok()) return ErrorResponse(end.status());
  return JsonResponse(200, text.Finish(*end));
}

// CHR-02: the whole chronology as a CSV file, named by the council reference (never the
// child's name, which would show in download folders).
Response ChronologyCsvFile(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  Result<app::ChronologyExport> chronology = app::ExportChronology(call.services, call.actor(), id);
  if (!chronology.ok()) return ErrorResponse(chronology.status());
  Response r;
  r.SetHeader("Content-Type", "text/csv; charset=utf-8");
  std::string name = chronology->council_reference.empty() ? id : chronology->council_reference;
  r.SetHeader("Content-Disposition", "attachment; filename=\"chronology-" + name + ".csv\"");
  r.body = ChronologyCsv(*chronology);
  return r;
}

Response DecisionsDue(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {"by"})) return *bad;
  Date by = TodayIn(call);
  if (auto text = call.request.QueryValue("by")) {
    auto d = ParseDate(*text, "by");
    if (!d.ok()) return ErrorResponse(d.status());
    by = *d;
  }
  return Answer(app::DecisionsDueForReview(call.services, call.actor(), by), [](const auto& rows) {
    json::array out;
    for (const store::DecisionRow& d : rows) {
      out.push_back(json::object{{"item_id", d.item_id},
                                 {"record_id", d.record_id},
                                 {"decided_by", d.decided_by},
                                 {"summary", d.summary},
                                 {"review_date", FormatDate(d.review_date)}});
    }
    return json::object{{"decisions", std::move(out)}};
  });
}

}  // namespace

void AddEntryRoutes(Api& api) {
  // Recording an entry checks the session itself (WriteToRecord), so a kept one may serve.
  api.AddLater("POST", "/api/v1/persons/{id}/entries", Record, Api::Access::kSignedInKept);
  api.Add("POST", "/api/v1/persons/{id}/entries/{item}/corrections", Correct);
  api.Add("POST", "/api/v1/persons/{id}/entries/{item}/countersignature", Countersign);
  api.Add("GET", "/api/v1/persons/{id}/journal", Journal);
  api.Add("GET", "/api/v1/persons/{id}/chronology", Chronology);
  api.Add("GET", "/api/v1/persons/{id}/chronology.csv", ChronologyCsvFile);
  api.Add("GET", "/api/v1/decisions/due", DecisionsDue);
}

}  // namespace casework::http
