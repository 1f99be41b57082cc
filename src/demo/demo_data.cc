#include "demo/demo_data.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

#include "app/allocation.h"
#include "app/entries.h"
#include "app/persons.h"
#include "app/users.h"
#include "demo/households.h"
#include "demo/names.h"
#include "demo/stories.h"

namespace casework::demo {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

struct Team {
  std::vector<std::string> workers;
  std::string manager;
};

const std::vector<Team>& Teams() {
  static const std::vector<Team> teams = {{{"sam.okafor", "jo.birch"}, "maureen.hughes"},
                                          {{"daniel.reyes", "aisha.rahman", "tom.fletcher"}, "grace.adeyemi"}};
  return teams;
}

// A child's record as the loader follows it.
struct ChildCase {
  std::shared_ptr<Household> household;
  size_t index = 0;  // in household->children; npos for the unborn baby
  std::string id;
  std::string worker, manager;  // usernames
  StoryContext story;
};

class Loader {
 public:
  Loader(store::Database& db, store::Database& access_log_db, const Settings& settings, Timestamp now,
         const DemoOptions& options)
      : now_(now),
        start_(now - days(options.history_days)),
        clock_(start_),
        random_(options.seed),
        ids_(clock_, random_),
        services_{db, access_log_db, clock_, ids_, settings},
        rng_(options.seed),
        options_(options) {}

  Result<DemoSummary> Load(const std::unordered_set<std::string>& common_passwords) {
    for (const DemoLogin& l : DemoLogins()) {
      app::NewUser u{l.username, l.full_name, l.post_title, *ParseRole(l.role), l.team, l.agency, kDemoPassword,
                     false};
      Result<User> added = app::AddUser(services_, nullptr, u, common_passwords);
      if (!added.ok()) return added.status();
      staff_[l.username] = app::Actor{*added, "", "127.0.0.1"};
      ++summary_.users;
    }
    while (summary_.children < options_.children) PlanFamily();
    std::stable_sort(events_.begin(), events_.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    for (Event& e : events_) {
      if (clock_.Now() < e.at) clock_.Set(e.at);
      Status st = e.run();
      if (!st.ok()) return st;
    }
    return summary_;
  }

 private:
  struct Event {
    Timestamp at;
    std::function<Status()> run;
  };

  void At(Timestamp at, std::function<Status()> run) { events_.push_back({at, std::move(run)}); }
  const app::Actor& Staff(const std::string& username) { return staff_.at(username); }

  // A time in working hours on the day that is offset days after from.
  Timestamp WorkingTime(Timestamp from, int offset_days) {
    Timestamp day = LondonMidnight(LondonDate(from + days(offset_days)));
    return day + hours(8) + minutes(rng_.Between(30, 9 * 60));
  }

  void PlanFamily() {
    Timestamp referred = WorkingTime(start_, rng_.Between(0, options_.history_days - 3));
    auto hh = std::make_shared<Household>(PlanHousehold(
        rng_, LondonDate(referred), static_cast<size_t>(options_.children - summary_.children), nhs_numbers_));
    const Team& team = rng_.Pick(Teams());
    std::string duty = rng_.Pick(team.workers);
    std::vector<std::shared_ptr<ChildCase>> cases;
    size_t school = static_cast<size_t>(rng_.Between(0, static_cast<int>(Schools().size()) - 1));
    for (size_t i = 0; i < hh->children.size(); ++i) cases.push_back(NewCase(hh, i, team, school));
    if (hh->baby_due) cases.push_back(NewCase(hh, std::string::npos, team, school));
    summary_.children += static_cast<int>(cases.size());

    At(referred, [this, hh, cases, duty] { return CreateFamily(*hh, cases, Staff(duty)); });
    Timestamp allocated = WorkingTime(referred, rng_.Between(1, 3));
    for (const auto& c : cases) {
      At(allocated, [this, c] { return Allocate(*c); });
      PlanCasework(c, referred, allocated, duty);
    }
    if (hh->baby_due && LondonMidnight(*hh->baby_due) + days(5) < now_) {
      auto baby = cases.back();
      // The allocated worker records the birth, so not before the case is allocated.
      Timestamp born = std::max(LondonMidnight(*hh->baby_due) + days(rng_.Between(2, 5)) + hours(11), allocated + hours(2));
      At(born, [this, baby] { return Born(*baby); });
    }
  }

  std::shared_ptr<ChildCase> NewCase(const std::shared_ptr<Household>& hh, size_t index, const Team& team,
                                     size_t school) {
    auto c = std::make_shared<ChildCase>();
    c->household = hh;
    c->index = index;
    c->worker = rng_.Pick(team.workers);
    c->manager = team.manager;
    const PersonDetails* d = index == std::string::npos ? nullptr : &hh->children[index].details;
    c->story.child = d ? d->given_names : "the baby";
    c->story.age = d ? AgeInYears(*d->date_of_birth, LondonDate(now_)) : 0;
    c->story.mother = hh->adults[0].details.given_names;
    c->story.school = Schools()[school];
    return c;
  }

  Status CreateFamily(Household& hh, const std::vector<std::shared_ptr<ChildCase>>& cases, const app::Actor& duty) {
    for (PlannedPerson& p : hh.adults) CASEWORK_RETURN_IF_ERROR(Create(p, hh.address, false, duty));
    for (PlannedPerson& p : hh.children) CASEWORK_RETURN_IF_ERROR(Create(p, hh.address, true, duty));
    for (const PlannedLink& l : hh.links) {
      Relationship r;
      r.child_id = hh.children[l.child].id;
      r.related_person_id = l.other_is_child ? hh.children[l.other].id : hh.adults[l.other].id;
      r.type = l.type;
      r.parental_responsibility = l.parental_responsibility;
      r.lives_with_child = l.lives_with_child;
      r.description = l.description;
      clock_.Advance(std::chrono::seconds(rng_.Between(10, 40)));
      Result<Relationship> added = app::AddRelationship(services_, duty, r);
      if (!added.ok()) return added.status();
    }
    for (const auto& c : cases) {
      if (c->index != std::string::npos) {
        c->id = hh.children[c->index].id;
        continue;
      }
      app::NewUnborn u;
      u.mother_person_id = hh.adults[0].id;
      u.mother_family_name = hh.adults[0].details.family_name;
      u.expected_date_of_delivery = *hh.baby_due;
      u.address = hh.address;
      Result<Person> unborn = app::CreateUnborn(services_, duty, u);
      if (!unborn.ok()) return unborn.status();
      c->id = unborn->id;
      ++summary_.persons;
    }
    return Status::Ok();
  }

  Status Create(PlannedPerson& p, const Address& address, bool child, const app::Actor& duty) {
    app::NewPerson input;
    input.details = p.details;
    input.address = address;
    input.open_case_record = child;
    clock_.Advance(std::chrono::seconds(rng_.Between(30, 120)));
    Result<app::CreateOutcome> outcome = app::CreatePerson(services_, duty, input);
    // A common name and a shared birthday can look like someone already known; the worker
    // checks and says it is someone else, as the service asks.
    if (outcome.ok() && !outcome->created) {
      for (const DuplicateMatch& m : outcome->duplicates) input.not_duplicates.push_back(m.person_id);
      outcome = app::CreatePerson(services_, duty, input);
    }
    if (!outcome.ok()) return outcome.status();
    if (!outcome->created) return Status::Internal("a demo person was taken for a duplicate twice");
    p.id = outcome->created->id;
    ++summary_.persons;
    for (OtherName name : p.other_names) {
      Result<OtherName> added = app::AddOtherName(services_, duty, p.id, name);
      if (!added.ok()) return added.status();
    }
    return Status::Ok();
  }

  Status Allocate(const ChildCase& c) {
    const app::Actor& manager = Staff(c.manager);
    Result<app::PersonRecord> record = app::GetPersonRecord(services_, manager, c.id);
    if (!record.ok()) return record.status();
    Result<CaseRecord> allocated =
        app::AllocateCase(services_, manager, c.id, Staff(c.worker).user.id, record->case_record->version);
    return allocated.status();
  }

  Status Born(const ChildCase& c) {
    const Household& hh = *c.household;
    bool girl = rng_.Chance(0.5);
    const Heritage& h = Heritages()[hh.heritage];
    app::Birth birth{rng_.Pick(girl ? h.girls : h.boys), hh.adults[0].details.family_name, *hh.baby_due,
                     TestNhsNumber(rng_, nhs_numbers_), girl ? "Female" : "Male"};
    return app::RecordBirth(services_, Staff(c.worker), c.id, birth).status();
  }

  // The referral, the manager's first decision, then visits, contacts, notes and decisions
  // every week or so until now.
  void PlanCasework(const std::shared_ptr<ChildCase>& c, Timestamp referred, Timestamp allocated,
                    const std::string& duty) {
    StoryContext story = c->story;
    story.worker = Staff(duty).user.full_name;
    story.manager = Staff(c->manager).user.full_name;
    story.manager_title = Staff(c->manager).user.post_title;
    Entry referral = Referral(rng_, story, referred - minutes(rng_.Between(20, 90)));
    PlanEntry(c, duty, referred + minutes(rng_.Between(40, 120)), referral);
    Timestamp decided = WorkingTime(referred, 1);
    PlanEntry(c, c->manager, decided, FirstDecision(rng_, story, decided - hours(1)));
    story.worker = Staff(c->worker).user.full_name;
    static const std::vector<int> mix = {42, 22, 26, 10};  // case notes, contacts, visits, decisions
    // The allocated worker's entries begin once the case is theirs.
  for (Timestamp at = WorkingTime(allocated, rng_.Between(1, 6)); at < now_ - hours(12);
         at = WorkingTime(at, rng_.Between(2, 16))) {
      auto type = static_cast<EntryType>(rng_.Index(mix));
      bool late = rng_.Chance(0.07);
      Timestamp recorded = at + (late ? days(rng_.Between(2, 6)) : minutes(rng_.Between(30, 360)));
      if (recorded >= now_) recorded = now_ - minutes(5);
      std::string author = type == EntryType::kDecision && rng_.Chance(0.7) ? c->manager : c->worker;
      Entry e = LaterEntry(rng_, story, at, type);
      // Some notes record what the manager said in supervision, for the manager to confirm.
      bool countersign = type == EntryType::kCaseNote && author == c->worker && rng_.Chance(0.08);
      if (countersign) {
        e.title = "Supervision";
        e.provided_by = ProvidedBy{"", "", Staff(c->manager).user.id};
      }
      PlanEntry(c, author, recorded, e, countersign);
    }
  }

  void PlanEntry(const std::shared_ptr<ChildCase>& c, const std::string& author, Timestamp recorded, Entry entry,
                 bool countersign = false) {
    auto item_id = std::make_shared<std::string>();
    bool correct = rng_.Chance(0.025);
    At(recorded, [this, c, author, entry, item_id] {
      Result<JournalItem> item = app::RecordEntry(services_, Staff(author), c->id, entry);
      if (!item.ok()) return item.status();
      *item_id = item->id;
      ++summary_.entries;
      if (item->late) ++summary_.late_entries;
      return Status::Ok();
    });
    Timestamp later = recorded + days(rng_.Between(1, 6)) + hours(rng_.Between(0, 5));
    if (later >= now_) return;
    if (countersign && rng_.Chance(0.75)) {
      At(later, [this, c, item_id] {
        Result<JournalItem> signed_item = app::Countersign(services_, Staff(c->manager), c->id, *item_id);
        if (signed_item.ok()) ++summary_.countersignatures;
        return signed_item.status();
      });
    } else if (correct && (author == c->worker || author == c->manager)) {
      // Only someone who still works on the record can correct an entry in it: a duty worker
      // who took the referral and handed the case on no longer may.
      Entry replacement = Corrected(rng_, entry);
      At(later, [this, c, author, replacement, item_id] {
        Result<JournalItem> item = app::CorrectEntry(services_, Staff(author), c->id, *item_id, replacement);
        if (item.ok()) ++summary_.corrections;
        return item.status();
      });
    }
  }

  Timestamp now_, start_;
  FakeClock clock_;
  SeededRandom random_;
  IdGenerator ids_;
  app::Services services_;
  Rng rng_;
  DemoOptions options_;
  std::map<std::string, app::Actor> staff_;
  std::vector<Event> events_;
  std::unordered_set<std::string> nhs_numbers_;  // so that none repeats
  DemoSummary summary_;
};

}  // namespace

Result<DemoSummary> LoadDemo(store::Database& db, store::Database& access_log_db, const Settings& settings,
                             Timestamp now, const DemoOptions& options,
                             const std::unordered_set<std::string>& common_passwords) {
  bool empty = true;
  Status st = db.Read([&](store::Connection& c) {
    empty = !c.Query("SELECT 1 FROM persons LIMIT 1")->Next();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!empty) return Status::Conflict("the database already holds records; load the demo into a new database");
  return Loader(db, access_log_db, settings, now, options).Load(common_passwords);
}

}  // namespace casework::demo
