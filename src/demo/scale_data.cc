#include "demo/scale_data.h"

#include <boost/json/serialize.hpp>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>

#include "app/domain_json.h"
#include "app/journal_writer.h"
#include "app/person_support.h"
#include "app/audit.h"
#include "core/entry_rules.h"
#include "core/journal_kinds.h"
#include "demo/clock_story.h"
#include "demo/entry_pool.h"
#include "demo/households.h"
#include "demo/names.h"
#include "demo/stories.h"
#include "demo/staff.h"
#include "store/bulk_name_index.h"
#include "store/bulk_record_versions.h"
#include "store/case_record_repo.h"
#include "store/chronology_repo.h"
#include "store/clock_repo.h"
#include "store/entry_index_repo.h"
#include "store/journal_repo.h"
#include "store/person_repo.h"
#include "store/relationship_repo.h"

namespace casework::demo {
namespace {

namespace json = boost::json;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// One unit of work's worth of whole households.
struct Batch {
  struct NewPerson {
    Person person;
    std::string name_id;
    std::string missing;
    std::vector<OtherName> other_names;
  };
  struct Head {
    std::string record_id;
    int64_t seq;
    std::string hash;
  };
  std::vector<NewPerson> persons;
  std::vector<CaseRecord> records;
  std::vector<std::pair<Relationship, Timestamp>> relationships;
  std::vector<JournalItem> items;
  std::vector<Head> heads;
  std::vector<store::DecisionRow> decisions;
  std::vector<store::ActionRow> actions;
  std::vector<store::CountersignatureRow> countersignatures;
  struct ChronologyEvent {
    size_t item;  // in items
    std::string summary;
    std::string agency;
  };
  std::vector<ChronologyEvent> chronology;
  std::vector<std::pair<std::string, std::string>> superseded;  // item, by correction
  std::vector<RecordClock> clocks;
  int64_t children = 0;
};

constexpr size_t kItemsPerBatch = 20000;

void WriteBatch(store::Connection& c, const Batch& b) {
    // The names' search rows are written once, for every name, at the end (BulkNameIndex).
    store::PersonRepo persons(c, store::NameWords::kByBulkIndex);
    for (const Batch::NewPerson& p : b.persons) {
      persons.Insert(p.person, p.name_id, p.missing);
      persons.AddAddress(p.person.id, *p.person.current_address, p.person.created_at);
      for (const OtherName& name : p.other_names) persons.AddName(p.person.id, name);
    }
    store::CaseRecordRepo records(c);
    for (const CaseRecord& r : b.records) records.Insert(r);
    store::RelationshipRepo relationships(c);
    for (const auto& [r, at] : b.relationships) relationships.Insert(r, at);
    store::JournalRepo journal(c);
    journal.InsertChained(b.items);
    for (const Batch::Head& h : b.heads) journal.SetHead(h.record_id, h.seq, h.hash);
    store::ChronologyRepo chronology(c);
    for (const Batch::ChronologyEvent& e : b.chronology) chronology.Insert(b.items[e.item], e.summary, e.agency);
    for (const auto& [item, by] : b.superseded) chronology.Supersede(item, by);
    store::EntryIndexRepo index(c);
    for (const store::DecisionRow& d : b.decisions) index.InsertDecision(d);
    for (const store::ActionRow& a : b.actions) index.InsertAction(a);
    for (const store::CountersignatureRow& row : b.countersignatures) {
      index.InsertCountersignature({row.item_id, row.record_id, row.provider_user_id, ""});
      if (!row.signed_item_id.empty()) index.MarkCountersigned(row.item_id, row.signed_item_id);
    }
    store::ClockRepo clocks(c);
    for (const RecordClock& k : b.clocks) {
      // Stored as the use cases leave it: opened at version 1, then met or ended.
      RecordClock opened = k;
      opened.version = 1;
      clocks.Insert(opened);
      if (k.status != ClockStatus::kOpen) clocks.Update(k, 1);
    }
}

struct Chain {
  std::string record_id;
  int64_t seq = 0;
  std::string hash;
};

// Makes the households and their journals, a batch at a time. Used by one thread.
class Generator {
 public:
  Generator(const Scale& scale, const ScaleOptions& options, const Settings& settings, Timestamp now,
            const std::vector<StaffTeam>& teams)
      : scale_(scale),
        options_(options),
        settings_(settings),
        now_(now),
        teams_(teams),
        rng_(options.seed),
        clock_(now),
        random_(options.seed + 1),
        ids_(clock_, random_),
        pool_(rng_, 400) {}

  // False once every child has been made.
  bool Next(Batch& b) {
    b = Batch{};
    while (children_ < scale_.children && b.items.size() < kItemsPerBatch) MakeHousehold(b);
    return !b.persons.empty();
  }

  int64_t items() const { return items_; }
  int64_t persons() const { return persons_; }
  int64_t children() const { return children_; }
  int64_t next_reference() const { return reference_; }

 private:
  // Ids carry the time they were minted, which for loaded data is the time of the load, not
  // of the casework: so they rise steadily, and each index on an id grows at its end rather
  // than being written all over.
  std::string NewId() {
    clock_.Advance(std::chrono::microseconds(1));
    return ids_.Next();
  }

  const std::string& Append(Batch& b, Chain& chain, const User& author, const char* kind, Timestamp recorded,
                            std::optional<Timestamp> occurred, std::string target, std::string body) {
    JournalItem item;
    item.record_id = chain.record_id;
    item.seq = ++chain.seq;
    item.id = NewId();
    item.kind = kind;
    item.author_user_id = author.id;
    item.author_name = author.full_name;
    item.author_post_title = author.post_title;
    item.recorded_at = recorded;
    item.occurred_at = occurred;
    item.late = occurred && IsLateEntry(*occurred, recorded, settings_.contemporaneous_window);
    item.target_id = std::move(target);
    item.body = std::move(body);
    item.prev_hash = chain.hash;
    item.hash = app::ItemHash(item);
    chain.hash = item.hash;
    ++items_;
    b.items.push_back(std::move(item));
    return b.items.back().id;
  }

  void Close(Batch& b, const Chain& chain) { b.heads.push_back({chain.record_id, chain.seq, chain.hash}); }

  Timestamp WorkingTime(Timestamp day) {
    return LondonMidnight(LondonDate(day)) + hours(8) + minutes(rng_.Between(30, 9 * 60));
  }

  // Adds people to the household, beyond the children's parents, so that persons keep to
  // the scale's ratio: aunts, uncles, mothers' partners and others who come and go.
  void AddRelatives(Household& hh) {
    static const std::vector<std::pair<RelationshipType, const char*>> kinds = {
        {RelationshipType::kOther, "maternal aunt"},        {RelationshipType::kOther, "uncle"},
        {RelationshipType::kHouseholdMember, "lodger"},     {RelationshipType::kOther, "mother's ex-partner"},
        {RelationshipType::kGrandparent, "paternal grandfather"}, {RelationshipType::kOther, "family friend"},
        {RelationshipType::kCarer, "childminder"}};
    int64_t children_after = children_ + static_cast<int64_t>(hh.children.size());
    int64_t want = scale_.persons * children_after / scale_.children;
    int64_t have = persons_ + static_cast<int64_t>(hh.adults.size() + hh.children.size());
    const Heritage& h = Heritages()[hh.heritage];
    for (int64_t extra = 0; extra < std::min<int64_t>(want - have, 8); ++extra) {
      PlannedPerson p;
      bool woman = rng_.Chance(0.5);
      p.details.given_names = rng_.Pick(woman ? h.women : h.men);
      p.details.family_name = rng_.Pick(h.family_names);
      p.details.gender = woman ? "Female" : "Male";
      p.details.ethnicity = h.ethnicity;
      size_t other = hh.adults.size();
      hh.adults.push_back(std::move(p));
      const auto& [type, description] = kinds[static_cast<size_t>(rng_.Between(0, static_cast<int>(kinds.size()) - 1))];
      for (size_t c = 0; c < hh.children.size(); ++c) {
        hh.links.push_back({c, other, false, type, false, type == RelationshipType::kHouseholdMember, description});
      }
    }
  }

  void MakeHousehold(Batch& b) {
    bool longest = children_ == 0;
    Timestamp opened = WorkingTime(longest ? now_ - days(options_.history_days)
                                           : now_ - days(rng_.Between(20, options_.history_days)));
    Household hh = PlanHousehold(rng_, LondonDate(opened), static_cast<size_t>(scale_.children - children_),
                                 nhs_numbers_);
    AddRelatives(hh);
    const StaffTeam& team = rng_.Pick(teams_);
    const User& duty = rng_.Pick(team.workers);
    Timestamp at = opened;

    std::vector<Chain> adult_chains, child_chains;
    std::vector<CaseRecord> records;
    auto add_person = [&](PlannedPerson& planned, bool child) {
      at += seconds(rng_.Between(30, 120));
      Person p;
      p.id = NewId();
      p.version = 1;
      p.details = planned.details;
      p.created_at = p.updated_at = at;
      p.current_address = hh.address;
      p.current_address->id = NewId();
      planned.id = p.id;
      Chain chain{p.id};
      json::object body{{"details", app::DetailsJson(p.details)}, {"address", app::AddressJson(hh.address)}};
      CaseRecord record;
      if (child) {
        char number[16];
        std::snprintf(number, sizeof number, "%07lld", static_cast<long long>(reference_++));
        record = CaseRecord{p.id, settings_.council_reference_prefix + number, RecordStatus::kOpen, at,
                            std::nullopt, duty.id, duty.team_id, false, 1};
        body["council_reference"] = record.council_reference;
      }
      Append(b, chain, duty, child ? kinds::kCaseRecordOpened : kinds::kPersonCreated, at, std::nullopt, "",
             json::serialize(body));
      Batch::NewPerson row{p, NewId(), app::MissingText(p, child ? &record : nullptr, settings_), {}};
      for (OtherName name : planned.other_names) {
        name.id = NewId();
        name.recorded_at = at;
        Append(b, chain, duty, kinds::kNameAdded, at, std::nullopt, "", json::serialize(app::NameJson(name)));
        row.other_names.push_back(std::move(name));
      }
      b.persons.push_back(std::move(row));
      ++persons_;
      (child ? child_chains : adult_chains).push_back(std::move(chain));
      if (child) records.push_back(std::move(record));
    };
    for (PlannedPerson& p : hh.adults) add_person(p, false);
    for (PlannedPerson& p : hh.children) add_person(p, true);
    for (CaseRecord& r : records) b.records.push_back(r);

    for (const PlannedLink& l : hh.links) {
      at += seconds(rng_.Between(10, 40));
      Relationship r{NewId(), hh.children[l.child].id,
                     l.other_is_child ? hh.children[l.other].id : hh.adults[l.other].id,
                     l.type, l.parental_responsibility, l.lives_with_child, l.description, std::nullopt};
      std::string body = json::serialize(json::object{{"relationship", app::RelationshipJson(r)}});
      Append(b, child_chains[l.child], duty, kinds::kRelationshipAdded, at, std::nullopt, "", body);
      Append(b, l.other_is_child ? child_chains[l.other] : adult_chains[l.other], duty, kinds::kRelationshipAdded,
             at, std::nullopt, "", body);
      b.relationships.emplace_back(std::move(r), at);
    }
    for (const Chain& chain : adult_chains) Close(b, chain);

    for (size_t c = 0; c < hh.children.size(); ++c) {
      const User& worker = rng_.Pick(team.workers);
      Timestamp allocated = WorkingTime(at + days(rng_.Between(1, 3)));
      Append(b, child_chains[c], team.manager, kinds::kAllocated, allocated, std::nullopt, "",
             json::serialize(json::object{{"worker_id", worker.id},
                                          {"worker_name", worker.full_name},
                                          {"worker_post_title", worker.post_title},
                                          {"team_id", worker.team_id},
                                          {"previous_worker_id", duty.id}}));
      CaseRecord& record = b.records[b.records.size() - hh.children.size() + c];
      record.allocated_worker_id = worker.id;
      record.allocated_team_id = worker.team_id;
      record.version = 2;
      Casework(b, child_chains[c], hh, c, team, worker, allocated, longest && c == 0);
      Close(b, child_chains[c]);
    }
    children_ += static_cast<int64_t>(hh.children.size());
    b.children += static_cast<int64_t>(hh.children.size());
  }

  // How many entries this child's record gets: skewed, as caseloads are, around what is
  // left of the scale's items per child still to be made.
  int EntryCount(bool longest) {
    if (longest) return options_.longest_record_entries;
    int64_t children_left = std::max<int64_t>(1, scale_.children - children_);
    // Items besides entries (records opened, relationships, allocations) per child so far.
    double overhead = children_ > 0 ? static_cast<double>(items_ - entry_items_) / static_cast<double>(children_) : 8;
    double mean =
        std::max(3.0, static_cast<double>(scale_.items - items_) / static_cast<double>(children_left) - overhead);
    std::lognormal_distribution<double> skew(-0.32, 0.8);  // mean 1
    std::mt19937_64 engine(rng_.Bits());
    return std::max(1, static_cast<int>(std::lround(mean * skew(engine))));
  }

  void Casework(Batch& b, Chain& chain, const Household& hh, size_t c, const StaffTeam& team, const User& worker,
                Timestamp from, bool longest) {
    int64_t before = items_;
    int n = EntryCount(longest);
    const std::string& child = hh.children[c].details.given_names;
    const std::string& mother = hh.adults[0].details.given_names;
    Timestamp end = now_ - hours(1);
    auto span = std::chrono::duration_cast<std::chrono::microseconds>(end - from).count();
    Timestamp last = from;
    std::vector<std::pair<std::string, EntryType>> correctable;
    // The referral, and what followed it, recorded by the allocated worker as it happened.
    ClockStory clocks = TellClockStory(rng_, settings_, chain.record_id, LondonDate(from), LondonDate(now_),
                                       [this] { return NewId(); });
    size_t next_event = 0;
    int64_t clock_items = 0;
    auto record_events_until = [&](Timestamp until) {
      for (; next_event < clocks.events.size(); ++next_event) {
        const ClockEvent& e = clocks.events[next_event];
        Timestamp at = std::min(std::max(WorkingTime(LondonMidnight(e.on) + hours(12)), last + seconds(1)), now_);
        if (at > until) return;
        for (const ClockJournalItem& item : e.items) {
          Append(b, chain, worker, item.kind, at, std::nullopt, item.target_id, json::serialize(item.body));
          ++clock_items;
        }
        last = at;
      }
    };
    static const std::vector<int> mix = {42, 22, 26, 10};
    for (int k = 0; k < n; ++k) {
      double place = (k + rng_.Between(0, 999) / 1000.0) / n;
      Timestamp occurred = from + std::chrono::microseconds(static_cast<int64_t>(place * static_cast<double>(span)));
      auto type = static_cast<EntryType>(rng_.Index(mix));
      bool late = rng_.Chance(0.07);
      Timestamp recorded = occurred + (late ? days(rng_.Between(2, 6)) : minutes(rng_.Between(30, 360)));
      record_events_until(recorded);
      recorded = std::min(std::max(recorded, last + seconds(1)), now_);
      last = recorded;
      const User& author = type == EntryType::kDecision && rng_.Chance(0.7) ? team.manager : worker;
      std::string occurred_text = FormatTimestamp(occurred);
      Date due = Date{date::sys_days{LondonDate(occurred)} + date::days{rng_.Between(14, 90)}};
      bool correction = !correctable.empty() && rng_.Chance(0.02);
      bool countersign = !correction && type == EntryType::kCaseNote && &author == &worker && rng_.Chance(0.01);
      std::string target, body, summary, agency;
      bool significant = false;
      const PooledEntry* pooled = nullptr;
      if (correction || countersign) {
        // Rare enough to write in full, as the use cases would.
        StoryContext ctx{child, 8, mother, "", worker.full_name, team.manager.full_name, team.manager.post_title};
        Entry e = LaterEntry(rng_, ctx, occurred, type);
        if (correction) {
          const auto& [id, corrected_type] = rng_.Pick(correctable);
          e = Corrected(rng_, LaterEntry(rng_, ctx, occurred, corrected_type));
          e.corrects_id = target = id;
          type = corrected_type;
        } else {
          e.title = "Supervision";
          e.provided_by = ProvidedBy{team.manager.full_name, team.manager.post_title, team.manager.id};
        }
        e.significant = significant = e.significant || longest;
        if (e.decision) e.decision->review_date = due;
        summary = e.title.empty() ? e.text.substr(0, 200) : e.title;
        body = app::EntryText(e);
      } else {
        pooled = &pool_.Pick(rng_, type);
        body = EntryPool::Fill(*pooled, child, mother, author.full_name, occurred_text, FormatDate(due));
        if (longest && !pooled->significant) {
          body.replace(body.find("\"significant\":false"), 19, "\"significant\":true");
        }
        significant = pooled->significant || longest;
        if (significant) summary = EntryPool::Summary(*pooled, child, mother);
        agency = pooled->agency;
      }
      const std::string& id = Append(b, chain, author, EntryKind(type), recorded, occurred, target, std::move(body));
      if (significant) b.chronology.push_back({b.items.size() - 1, summary, agency.empty() ? author.agency : agency});
      if (!target.empty()) b.superseded.emplace_back(target, id);
      if (type == EntryType::kCaseNote || type == EntryType::kVisit) correctable.emplace_back(id, type);
      if (pooled && pooled->has_review) b.decisions.push_back({id, chain.record_id, team.manager.full_name,
                                                               pooled->summary, due});
      if (pooled && pooled->has_action) {
        b.actions.push_back({NewId(), id, chain.record_id, "Send " + mother + " the minutes and the updated plan",
                             worker.full_name, due});
      }
      if (countersign) {
        store::CountersignatureRow row{id, chain.record_id, team.manager.id, ""};
        Timestamp signed_at = recorded + days(rng_.Between(1, 5));
        if (signed_at < now_ && rng_.Chance(0.75)) {
          last = std::max(last, signed_at);
          row.signed_item_id =
              Append(b, chain, team.manager, kinds::kCountersigned, signed_at, std::nullopt, id,
                     json::serialize(json::object{{"name", team.manager.full_name},
                                                  {"post_title", team.manager.post_title},
                                                  {"statement", "I have read this entry and it records what I said."}}));
        }
        b.countersignatures.push_back(std::move(row));
      }
    }
    record_events_until(now_);
    b.clocks.insert(b.clocks.end(), clocks.clocks.begin(), clocks.clocks.end());
    // The clocks' items are overhead, like the records opened, when the next child's entries are counted.
    entry_items_ += items_ - before - clock_items;
  }

  const Scale& scale_;
  const ScaleOptions& options_;
  const Settings& settings_;
  Timestamp now_;
  const std::vector<StaffTeam>& teams_;
  Rng rng_;
  FakeClock clock_;
  SeededRandom random_;
  IdGenerator ids_;
  EntryPool pool_;
  std::unordered_set<std::string> nhs_numbers_;
  int64_t children_ = 0, persons_ = 0, items_ = 0;
  int64_t entry_items_ = 0;  // of items_, those that are entries and countersignatures
  int64_t reference_ = 1;
};

// Hands batches from the generating thread to the writing one, a few at a time, so that
// making data and storing it overlap on two cores; and hands stored batches back, so that
// freeing their many strings is the making thread's work, not the writer's.
class BatchQueue {
 public:
  void Spent(Batch b) {
    std::lock_guard lock(mu_);
    spent_.push_back(std::move(b));
  }
  void FreeSpent() {
    std::deque<Batch> spent;
    {
      std::lock_guard lock(mu_);
      spent.swap(spent_);
    }
  }
  void Put(Batch b) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return queue_.size() < 3 || cancelled_; });
    queue_.push_back(std::move(b));
    ready_.notify_one();
  }
  void Finish() {
    std::lock_guard lock(mu_);
    finished_ = true;
    ready_.notify_one();
  }
  void Cancel() {
    std::lock_guard lock(mu_);
    cancelled_ = true;
    room_.notify_all();
  }
  bool cancelled() {
    std::lock_guard lock(mu_);
    return cancelled_;
  }
  bool Take(Batch& b) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return !queue_.empty() || finished_; });
    if (queue_.empty()) return false;
    b = std::move(queue_.front());
    queue_.pop_front();
    room_.notify_one();
    return true;
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<Batch> queue_, spent_;
  bool finished_ = false, cancelled_ = false;
};

}  // namespace

std::optional<Scale> ScaleNamed(std::string_view name) {
  if (name == "tiny") return Scale{"tiny", 250, 1000, 20000};
  if (name == "small") return Scale{"small", 2500, 10000, 200000};
  if (name == "council") return Scale{"council", 25000, 100000, 2000000};
  if (name == "national") return Scale{"national", 1000000, 4000000, 20000000};
  return std::nullopt;
}

Result<ScaleSummary> LoadAtScale(store::Database& db, const Settings& settings, Timestamp now, const Scale& scale,
                                 const ScaleOptions& options, const std::unordered_set<std::string>& common_passwords,
                                 const std::function<void(int64_t)>& progress) {
  auto started = std::chrono::steady_clock::now();
  // Staff accounts are made now, so their passwords are new and they can sign in at once.
  FakeClock clock(now);
  SeededRandom random(options.seed);
  IdGenerator ids(clock, random);
  // The loader writes its log lines with the changes they record, in db: none is written alone.
  app::Services services{db, db, clock, ids, settings};
  Result<std::vector<StaffTeam>> teams = AddStaff(services, scale.children, options.seed, common_passwords);
  if (!teams.ok()) return teams.status();

  // The whole data set is one unit of work, so a load that fails part way leaves none of
  // it behind. One thread makes the data while the writer stores it.
  Generator generator(scale, options, settings, now, *teams);
  BatchQueue queue;
  std::exception_ptr making_failed;
  std::thread making([&] {
    try {
      Batch b;
      while (!queue.cancelled() && generator.Next(b)) {
        queue.Put(std::move(b));
        queue.FreeSpent();
      }
    } catch (...) {
      making_failed = std::current_exception();
    }
    queue.Finish();
  });
  bool taken = false;
  Status status = db.Write([&](store::Connection& c) {
    // The batches can be taken once: a database that runs a unit of work again (PostgreSQL,
    // after a collision) finds them gone, and the load fails whole.
    if (taken) return Status::Internal("the load was interrupted; run it again");
    taken = true;
    store::BulkNameIndex names(c);
    store::BulkRecordVersions versions(c);
    int64_t written = 0;
    Batch b;
    while (queue.Take(b)) {
      WriteBatch(c, b);
      written += static_cast<int64_t>(b.items.size());
      queue.Spent(std::move(b));
      if (progress) progress(written);
    }
    // The queue also ends when making failed part way: what was written must not be committed.
    if (making_failed) return Status::Internal("making the data failed");
    names.Finish();
    versions.Finish();
    return Status::Ok();
  });
  // Making stops if writing failed, or never began (the database refused the unit of work
  // before running it), rather than waiting for room in the queue for ever.
  queue.Cancel();
  making.join();
  if (making_failed) {
    try {
      std::rethrow_exception(making_failed);
    } catch (const std::exception& e) {
      return Status::Internal(std::string("making the data failed: ") + e.what());
    }
  }
  if (!status.ok()) return status;

  ScaleSummary summary;
  summary.children = generator.children();
  summary.persons = generator.persons();
  summary.items = generator.items();
  for (const StaffTeam& t : *teams) summary.users += static_cast<int64_t>(t.workers.size()) + 1;
  status = db.Write([&](store::Connection& c) {
    // New children's references carry on after the loaded ones.
    c.Exec("INSERT INTO counters (name, value) VALUES ('council_reference', ?) "
           "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
           {generator.next_reference() - 1});
    app::AuditAnonymous(c, services, "casework demo", "local",
                        {"import.bulk", "", true, "server command line",
                         "loaded synthetic data at " + scale.name + " scale: " + std::to_string(summary.children) +
                             " children, " + std::to_string(summary.items) + " journal items"});
    return Status::Ok();
  });
  if (!status.ok()) return status;
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace casework::demo
