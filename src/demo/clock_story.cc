#include "demo/clock_story.h"

#include <algorithm>
#include <optional>

#include "app/timescales.h"
#include "core/journal_kinds.h"

namespace casework::demo {
namespace {

namespace json = boost::json;

Date Plus(Date d, int days) { return Date{date::sys_days{d} + date::days{days}}; }
bool After(Date a, Date b) { return date::sys_days{a} > date::sys_days{b}; }

// Replays events against the partnership's definitions as ApplyTimescaleEvent does, keeping
// the clocks in memory and the journal items each event writes.
class Replay {
 public:
  Replay(const Settings& settings, const std::string& person_id, const std::function<std::string()>& new_id)
      : settings_(settings), person_id_(person_id), new_id_(new_id) {}

  void Record(const std::string& event, Date on) {
    if (!settings_.timescales.KnowsEvent(event)) return;
    ClockEvent e{on, {{kinds::kTimescaleEvent, "", app::EventBody(settings_.timescales, {event, on, ""})}}};
    for (const TimescaleDefinition& d : settings_.timescales.clocks) {
      std::vector<size_t> open = Open(d.key);
      if (Names(d.ends_on, event)) {
        for (size_t k : open) Close(e, clocks_[k], ClockStatus::kEnded, on);
        continue;
      }
      if (Names(d.stops_on, event) && !open.empty()) {
        for (size_t k : open) {
          Close(e, clocks_[k], ClockStatus::kMet, on);
          if (d.repeats) Start(e, d, on, k);
        }
        continue;
      }
      if (Names(d.restarts_on, event) && !open.empty()) {
        for (size_t k : open) {
          if (!After(on, clocks_[k].started_on)) continue;
          Close(e, clocks_[k], ClockStatus::kEnded, on);
          Start(e, d, on, std::nullopt);
        }
        continue;
      }
      if (Names(d.starts_on, event) && open.empty()) Start(e, d, on, std::nullopt);
    }
    story_.events.push_back(std::move(e));
  }

  // The open clock of a repeating timescale due first, if any.
  const RecordClock* NextRepeatDue() const {
    const RecordClock* first = nullptr;
    for (const RecordClock& k : clocks_) {
      const TimescaleDefinition* d = settings_.timescales.Find(k.definition);
      if (k.status != ClockStatus::kOpen || !d || !d->repeats || d->stops_on.empty()) continue;
      if (!first || After(first->Due(), k.Due())) first = &k;
    }
    return first;
  }
  const std::string& StopEvent(const RecordClock& k) const {
    return settings_.timescales.Find(k.definition)->stops_on.front();
  }

  ClockStory Finish() {
    story_.clocks = std::move(clocks_);
    return std::move(story_);
  }

 private:
  static bool Names(const std::vector<std::string>& events, const std::string& event) {
    return std::find(events.begin(), events.end(), event) != events.end();
  }
  std::vector<size_t> Open(const std::string& key) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < clocks_.size(); ++i) {
      if (clocks_[i].status == ClockStatus::kOpen && clocks_[i].definition == key) out.push_back(i);
    }
    return out;
  }
  void Start(ClockEvent& e, const TimescaleDefinition& d, Date on, std::optional<size_t> after) {
    const RecordClock* previous = after ? &clocks_[*after] : nullptr;
    RecordClock k = app::NewClock(settings_.calendar, d, new_id_(), person_id_, on, previous);
    e.items.push_back({kinds::kClockStarted, k.id, app::ClockBody(k)});
    clocks_.push_back(std::move(k));
  }
  void Close(ClockEvent& e, RecordClock& k, ClockStatus status, Date on) {
    k.status = status;
    k.stopped_on = on;
    ++k.version;
    json::object body = app::ClockBody(k);
    body["late_against_statutory"] = k.LateAgainstStatutory(on);
    e.items.push_back({status == ClockStatus::kMet ? kinds::kClockStopped : kinds::kClockEnded, k.id, std::move(body)});
  }

  const Settings& settings_;
  const std::string& person_id_;
  const std::function<std::string()>& new_id_;
  std::vector<RecordClock> clocks_;
  ClockStory story_;
};

// When a practitioner meets a clock: mostly a few days before it is due, sometimes late.
Date MeetBy(Rng& rng, Date due, Date started) {
  Date on = rng.Chance(0.08) ? Plus(due, rng.Between(1, 10)) : Plus(due, -rng.Between(0, 4));
  return After(on, started) ? on : Plus(started, 1);  // the next one then starts later
}

}  // namespace

ClockStory TellClockStory(Rng& rng, const Settings& settings, const std::string& person_id, Date opened, Date today,
                          const std::function<std::string()>& new_id) {
  Replay replay(settings, person_id, new_id);
  // Events after today are not recorded yet; the ones on a plan or in care end the story.
  std::vector<std::pair<Date, std::string>> planned;
  auto plan = [&](Date on, const char* event) {
    if (!After(on, today)) planned.emplace_back(on, event);
  };

  plan(opened, "referral_received");
  plan(rng.Chance(0.93) ? DueAfter(settings.calendar, opened, {1, TimescaleUnit::kWorkingDays})
                        : Plus(opened, rng.Between(2, 5)),
       "referral_decision");
  Date assessed = DueAfter(settings.calendar, opened, {rng.Between(12, 52), TimescaleUnit::kWorkingDays});
  plan(assessed, "assessment_completed");
  std::optional<Date> plan_ends, care_ends;
  if (rng.Chance(0.2)) {  // a section 47 enquiry
    Date harm = Plus(opened, rng.Between(0, 30));
    Date strategy = rng.Chance(0.9) ? DueAfter(settings.calendar, harm, {1, TimescaleUnit::kWorkingDays})
                                    : Plus(harm, rng.Between(2, 4));
    plan(harm, "significant_harm_suspected");
    plan(strategy, "strategy_discussion");
    plan(strategy, "section_47_started");
    Date conference = DueAfter(settings.calendar, strategy, {rng.Between(8, 18), TimescaleUnit::kWorkingDays});
    if (rng.Chance(0.3)) {
      plan(conference, "section_47_no_conference");
    } else {
      plan(conference, "initial_conference");
      if (rng.Chance(0.8)) {
        plan(conference, "child_protection_plan_started");
        plan_ends = Plus(conference, rng.Between(150, 540));
        plan(*plan_ends, "child_protection_plan_ended");
      }
    }
  }
  if (rng.Chance(0.1)) {  // becomes looked after
    Date care = Plus(opened, rng.Between(5, 200));
    plan(care, "became_looked_after");
    plan(care, rng.Chance(0.2) ? "long_term_placement_started" : "placement_started");
    if (rng.Chance(0.5)) {
      care_ends = Plus(care, rng.Between(90, 700));
      plan(*care_ends, "ceased_looked_after");
    }
  }
  std::stable_sort(planned.begin(), planned.end(),
                   [](const auto& a, const auto& b) { return date::sys_days{a.first} < date::sys_days{b.first}; });

  // The planned events in order, and between them the visits, core groups and reviews that
  // meet each repeating clock as it falls due. Some workers are behind: nothing recorded for
  // the last weeks (but the referral that opened the case), so what fell due then is overdue now.
  Date recorded_until = rng.Chance(0.15) ? Plus(today, -rng.Between(5, 40)) : today;
  planned.erase(std::remove_if(planned.begin() + (planned.empty() ? 0 : 1), planned.end(),
                               [&](const auto& p) { return After(p.first, recorded_until); }),
                planned.end());
  size_t next = 0;
  while (true) {
    const RecordClock* due = replay.NextRepeatDue();
    std::optional<Date> repeat_on;
    if (due) repeat_on = MeetBy(rng, due->Due(), due->started_on);
    if (repeat_on && After(*repeat_on, recorded_until)) repeat_on.reset();
    bool planned_first = next < planned.size() && (!repeat_on || !After(planned[next].first, *repeat_on));
    if (planned_first) {
      replay.Record(planned[next].second, planned[next].first);
      ++next;
    } else if (repeat_on) {
      replay.Record(replay.StopEvent(*due), *repeat_on);
    } else {
      break;
    }
  }
  return replay.Finish();
}

}  // namespace casework::demo
