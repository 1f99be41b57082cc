#include "app/timescales.h"

#include <limits>
#include <map>

#include "app/access.h"
#include "app/audit.h"
#include "app/journal_writer.h"
#include "app/person_support.h"
#include "core/journal_kinds.h"
#include "store/case_record_repo.h"
#include "store/user_repo.h"

namespace casework::app {
namespace {

namespace json = boost::json;

constexpr int kListLimit = 2000;

bool Names(const std::vector<std::string>& events, const std::string& event) {
  return std::find(events.begin(), events.end(), event) != events.end();
}

RecordClock OpenClock(store::Connection& c, const Services& s, const Actor& actor, const TimescaleDefinition& d,
                      const std::string& person_id, Date opens_on, const RecordClock* previous) {
  RecordClock k = NewClock(s.settings.calendar, d, s.ids.Next(), person_id, opens_on, previous);
  store::ClockRepo(c).Insert(k);
  AppendItem(c, s, actor, {person_id, kinds::kClockStarted, std::nullopt, k.id, ClockBody(k)});
  return k;
}

void CloseClock(store::Connection& c, const Services& s, const Actor& actor, RecordClock& k, ClockStatus status,
                Date on) {
  int64_t version = k.version;
  k.status = status;
  k.stopped_on = on;
  store::ClockRepo(c).Update(k, version);
  ++k.version;
  json::object body = ClockBody(k);
  body["late_against_statutory"] = k.LateAgainstStatutory(on);
  AppendItem(c, s, actor,
             {k.person_id, status == ClockStatus::kMet ? kinds::kClockStopped : kinds::kClockEnded, std::nullopt, k.id,
              std::move(body)});
}

// Finds the clock and the record it is on, for the access check that follows.
Result<std::string> ClockPerson(const Services& s, const std::string& clock_id) {
  std::string person_id;
  Status st = s.db.Read([&](store::Connection& c) {
    auto k = store::ClockRepo(c).Get(clock_id);
    if (!k) return Status::NotFound("there is no clock with id " + clock_id);
    person_id = k->person_id;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return person_id;
}

// Runs change on the open clock inside a write to its record, and answers with its new view.
using ClockChange = std::function<Status(store::Connection&, RecordClock&, std::vector<ExtensionRequest>&)>;
Result<ClockView> ChangeClock(const Services& s, const Actor& actor, const std::string& clock_id,
                              const std::string& detail, const ClockChange& change) {
  Result<std::string> person_id = ClockPerson(s, clock_id);
  if (!person_id.ok()) return person_id.status();
  ClockView view;
  Status st = WriteToRecord(s, actor, *person_id, detail, [&](store::Connection& c) {
    store::ClockRepo clocks(c);
    auto k = clocks.Get(clock_id);
    if (!k) return Status::NotFound("there is no clock with id " + clock_id);
    if (k->status != ClockStatus::kOpen) return Status::Conflict("this clock is no longer running");
    std::vector<ExtensionRequest> extensions = clocks.Extensions(clock_id);
    int64_t version = k->version;
    CASEWORK_RETURN_IF_ERROR(change(c, *k, extensions));
    if (!clocks.Update(*k, version)) return Status::Conflict("the clock was changed by someone else; reload it");
    view = {*clocks.Get(clock_id), clocks.Extensions(clock_id)};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return view;
}

ExtensionRequest* Pending(std::vector<ExtensionRequest>& extensions) {
  for (ExtensionRequest& e : extensions) {
    if (e.status == ExtensionStatus::kPending) return &e;
  }
  return nullptr;
}

std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

RecordClock NewClock(const WorkingDayCalendar& calendar, const TimescaleDefinition& d, std::string id,
                     const std::string& person_id, Date opens_on, const RecordClock* previous) {
  RecordClock k;
  k.id = std::move(id);
  k.person_id = person_id;
  k.definition = d.key;
  k.name = d.name;
  k.series_id = previous ? previous->series_id : k.id;
  k.occurrence = previous ? previous->occurrence + 1 : 0;
  k.series_began_on = previous ? previous->series_began_on : opens_on;
  k.started_on = opens_on;
  k.statutory_due = DueAfter(calendar, opens_on, d.IntervalFor(k.occurrence, k.series_began_on, opens_on));
  return k;
}

json::object ClockBody(const RecordClock& k) {
  json::object o{{"clock_id", k.id},
                 {"timescale", k.definition},
                 {"name", k.name},
                 {"started_on", FormatDate(k.started_on)},
                 {"statutory_due", FormatDate(k.statutory_due)},
                 {"due", FormatDate(k.Due())}};
  if (k.stopped_on) o["stopped_on"] = FormatDate(*k.stopped_on);
  return o;
}

json::object EventBody(const Timescales& timescales, const EventInput& in) {
  return json::object{{"event", in.event},
                      {"name", timescales.events.at(in.event)},
                      {"occurred_on", FormatDate(in.occurred_on)},
                      {"note", in.note}};
}

EventOutcome ApplyTimescaleEvent(store::Connection& c, const Services& s, const Actor& actor,
                                 const std::string& person_id, const EventInput& in) {
  EventOutcome out;
  store::ClockRepo clocks(c);
  for (const TimescaleDefinition& d : s.settings.timescales.clocks) {
    std::vector<RecordClock> open = clocks.Open(person_id, d.key);
    if (Names(d.ends_on, in.event)) {
      for (RecordClock& k : open) {
        CloseClock(c, s, actor, k, ClockStatus::kEnded, in.occurred_on);
        out.ended.push_back(k);
      }
      continue;
    }
    if (Names(d.stops_on, in.event) && !open.empty()) {
      for (RecordClock& k : open) {
        CloseClock(c, s, actor, k, ClockStatus::kMet, in.occurred_on);
        out.stopped.push_back(k);
        if (d.repeats) out.started.push_back(OpenClock(c, s, actor, d, person_id, in.occurred_on, &k));
      }
      continue;
    }
    // A restarting event later than the running occurrence's start replaces it: the old one
    // ends unmet and a new one counts from the later date.
    if (Names(d.restarts_on, in.event) && !open.empty()) {
      for (RecordClock& k : open) {
        if (date::sys_days{in.occurred_on} <= date::sys_days{k.started_on}) continue;
        CloseClock(c, s, actor, k, ClockStatus::kEnded, in.occurred_on);
        out.ended.push_back(k);
        out.started.push_back(OpenClock(c, s, actor, d, person_id, in.occurred_on, nullptr));
      }
      continue;
    }
    // A start while the clock already runs leaves it running from its first start.
    if (Names(d.starts_on, in.event) && open.empty()) {
      out.started.push_back(OpenClock(c, s, actor, d, person_id, in.occurred_on, nullptr));
    }
  }
  return out;
}

Result<EventOutcome> RecordTimescaleEvent(const Services& s, const Actor& actor, const std::string& person_id,
                                          const EventInput& in) {
  if (!s.settings.timescales.KnowsEvent(in.event)) {
    return Status::Invalid("event", "is not one of the events in the partnership's timescales");
  }
  if (date::sys_days{in.occurred_on} > date::sys_days{Today(s)})
    return Status::Invalid("occurred_on", "is in the future");
  std::optional<EventOutcome> out;
  Status st = WriteToRecord(s, actor, person_id, RecordOperation::kChange, "recorded " + in.event,
                            [&](store::Connection& c, const RecordAccess& access) {
    if (!access.case_record) {
      return Status::Conflict("timescales run on a child's case record; this person has none");
    }
    // A clock cannot be met before it started: the dates would say it was met early.
    for (const TimescaleDefinition& d : s.settings.timescales.clocks) {
      if (!Names(d.stops_on, in.event)) continue;
      for (const RecordClock& k : store::ClockRepo(c).Open(person_id, d.key)) {
        if (date::sys_days{in.occurred_on} < date::sys_days{k.started_on}) {
          return Status::Invalid("occurred_on", "is before the " + k.name + " clock it would meet started, on " +
                                                    FormatDate(k.started_on));
        }
      }
    }
    JournalItem item =
        AppendItem(c, s, actor, {person_id, kinds::kTimescaleEvent, std::nullopt, "", EventBody(s.settings.timescales, in)});
    out = ApplyTimescaleEvent(c, s, actor, person_id, in);
    out->item = std::move(item);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return std::move(*out);
}

Result<std::vector<ClockView>> ListRecordClocks(const Services& s, const Actor& actor, const std::string& person_id) {
  std::vector<ClockView> out;
  Status st = ReadRecord(s, actor, person_id, "read the clocks", [&](store::Connection& c) {
    store::ClockRepo clocks(c);
    for (RecordClock& k : clocks.ForPerson(person_id)) {
      std::vector<ExtensionRequest> extensions = clocks.Extensions(k.id);
      out.push_back({std::move(k), std::move(extensions)});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<ClockView> ShortenClock(const Services& s, const Actor& actor, const std::string& clock_id, Date due,
                               const std::string& reason) {
  if (reason.empty()) return Status::Invalid("reason", "is required: say why the child's welfare needs it sooner");
  return ChangeClock(s, actor, clock_id, "set a shorter timescale", [&](store::Connection& c, RecordClock& k, auto&) {
    if (date::sys_days{due} >= date::sys_days{k.Due()}) {
      return Status::Invalid("due", "must be earlier than the date that governs now, " + FormatDate(k.Due()));
    }
    if (date::sys_days{due} < date::sys_days{k.started_on}) {
      return Status::Invalid("due", "cannot be before the clock started, " + FormatDate(k.started_on));
    }
    std::string previous = FormatDate(k.Due());
    k.shortened_due = due;
    k.shortened_reason = reason;
    if (k.extended_due && date::sys_days{due} < date::sys_days{*k.extended_due}) k.extended_due.reset();
    json::object body = ClockBody(k);
    body["previous_due"] = previous;
    body["reason"] = reason;
    AppendItem(c, s, actor, {k.person_id, kinds::kClockShortened, std::nullopt, k.id, std::move(body)});
    return Status::Ok();
  });
}

Result<ClockView> RequestExtension(const Services& s, const Actor& actor, const std::string& clock_id,
                                   const std::string& reason, Date proposed_due,
                                   const std::vector<std::string>& agencies) {
  if (reason.empty()) return Status::Invalid("reason", "is required: say why the timescale cannot be met");
  if (agencies.empty()) {
    return Status::Invalid("agencies", "must name the other agencies involved, whose managers are to be consulted");
  }
  return ChangeClock(
      s, actor, clock_id, "requested an extension",
      [&](store::Connection& c, RecordClock& k, std::vector<ExtensionRequest>& extensions) {
        if (Pending(extensions)) return Status::Conflict("an extension request for this clock is already waiting");
        if (date::sys_days{proposed_due} <= date::sys_days{k.Due()}) {
          return Status::Invalid("proposed_due",
                                 "must be later than the date that governs now, " + FormatDate(k.Due()));
        }
        ExtensionRequest e;
        e.id = s.ids.Next();
        e.clock_id = k.id;
        e.requested_by = actor.user.id;
        e.requested_at = s.clock.Now();
        e.reason = reason;
        e.proposed_due = proposed_due;
        e.agencies = agencies;
        store::ClockRepo(c).InsertExtension(e);
        json::array names(agencies.begin(), agencies.end());
        json::object body = ClockBody(k);
        body.insert({{"extension_id", e.id},
                     {"reason", reason},
                     {"proposed_due", FormatDate(proposed_due)},
                     {"agencies", std::move(names)}});
        AppendItem(c, s, actor, {k.person_id, kinds::kClockExtensionRequested, std::nullopt, k.id, std::move(body)});
        return Status::Ok();
      });
}

Result<ClockView> RecordConsultation(const Services& s, const Actor& actor, const std::string& clock_id,
                                     Consultation k) {
  if (k.agency.empty()) return Status::Invalid("agency", "is required");
  if (k.manager_name.empty()) return Status::Invalid("manager_name", "is required: name the manager consulted");
  if (k.view.empty()) return Status::Invalid("view", "is required: record what the manager said");
  if (k.consulted_at > s.clock.Now()) return Status::Invalid("consulted_at", "is in the future");
  return ChangeClock(
      s, actor, clock_id, "recorded a consultation",
      [&](store::Connection& c, RecordClock& clock, std::vector<ExtensionRequest>& extensions) {
        ExtensionRequest* e = Pending(extensions);
        if (!e) return Status::Conflict("there is no extension request waiting on this clock; request one first");
        if (!Names(e->agencies, k.agency)) {
          return Status::Invalid("agency", "is not one of the agencies named in the request: " + JoinAnd(e->agencies));
        }
        k.id = s.ids.Next();
        k.recorded_by = actor.user.id;
        k.recorded_at = s.clock.Now();
        store::ClockRepo(c).InsertConsultation(e->id, k);
        json::object body{{"clock_id", clock.id},
                          {"extension_id", e->id},
                          {"agency", k.agency},
                          {"manager_name", k.manager_name},
                          {"consulted_at", FormatTimestamp(k.consulted_at)},
                          {"view", k.view}};
        AppendItem(c, s, actor, {clock.person_id, kinds::kClockConsultation, std::nullopt, clock.id, std::move(body)});
        return Status::Ok();
      });
}

Result<ClockView> DecideExtension(const Services& s, const Actor& actor, const std::string& clock_id, bool authorise,
                                  const std::string& reason) {
  if (reason.empty()) return Status::Invalid("reason", "is required: record the reason for the decision");
  Result<std::string> person_id = ClockPerson(s, clock_id);
  if (!person_id.ok()) return person_id.status();
  std::optional<Status> refusal;
  Result<ClockView> view = ChangeClock(
      s, actor, clock_id, authorise ? "authorised an extension" : "declined an extension",
      [&](store::Connection& c, RecordClock& k, std::vector<ExtensionRequest>& extensions) {
        auto record = store::CaseRecordRepo(c).Get(k.person_id);
        if (actor.user.role != Role::kTeamManager || !record || record->allocated_team_id.empty() ||
            record->allocated_team_id != actor.user.team_id) {
          refusal = Status::Denied(
              "only a team manager of the team the child's record is allocated to can decide an extension");
          return *refusal;
        }
        ExtensionRequest* e = Pending(extensions);
        if (!e) return Status::Conflict("there is no extension request waiting on this clock");
        if (authorise) {
          std::vector<std::string> missing = e->AgenciesNotConsulted();
          if (!missing.empty()) {
            return Status::Conflict("the extension cannot be authorised until the consultation with the manager of " +
                                        JoinAnd(missing) + " is recorded",
                                    "consultations");
          }
        }
        e->status = authorise ? ExtensionStatus::kAuthorised : ExtensionStatus::kDeclined;
        e->decided_by = actor.user.id;
        e->decided_at = s.clock.Now();
        e->decision_reason = reason;
        store::ClockRepo(c).UpdateExtension(*e);
        std::string previous = FormatDate(k.Due());
        if (authorise) k.extended_due = e->proposed_due;
        json::object body = ClockBody(k);
        body.insert({{"extension_id", e->id}, {"reason", reason}, {"previous_due", previous}});
        AppendItem(c, s, actor,
                   {k.person_id, authorise ? kinds::kClockExtended : kinds::kClockExtensionDeclined, std::nullopt, k.id,
                    std::move(body)});
        return Status::Ok();
      });
  if (refusal) {
    return Refuse(s, actor, {"record.write", *person_id, false, "", "decide an extension"}, *refusal);
  }
  return view;
}

namespace {

// Whether the actor may see this scope's clocks; refusals are logged under `action`.
Status RequireClockScope(const Services& s, const Actor& actor, ClockScope scope, const std::string& action) {
  if (scope == ClockScope::kTeam && (actor.user.role != Role::kTeamManager || actor.user.team_id.empty())) {
    return Refuse(s, actor, {"report.clocks", "", false, "", action},
                  Status::Denied("only a team manager can list their team's clocks"));
  }
  if (scope == ClockScope::kService && actor.user.role != Role::kTeamManager &&
      actor.user.role != Role::kRecordsOfficer && actor.user.role != Role::kAuditor) {
    return Refuse(s, actor, {"report.clocks", "", false, "", action},
                  Status::Denied("only managers, records officers and auditors can list the whole service's clocks"));
  }
  return RequireCaseworkRole(s, actor, action);
}

std::string ScopeWorker(const Actor& actor, ClockScope scope) {
  return scope == ClockScope::kMine ? actor.user.id : "";
}
std::string ScopeTeam(const Actor& actor, ClockScope scope) {
  return scope == ClockScope::kTeam ? actor.user.team_id : "";
}

}  // namespace

Result<std::vector<store::DueClockRow>> ListDueClocks(const Services& s, const Actor& actor, ClockScope scope,
                                                      int within_days) {
  const char* action = scope == ClockScope::kMine   ? "list my clocks"
                       : scope == ClockScope::kTeam ? "list my team's clocks"
                                                    : "list the service's clocks";
  CASEWORK_RETURN_IF_ERROR(RequireClockScope(s, actor, scope, action));
  Date by{date::sys_days{Today(s)} + date::days{within_days}};
  std::vector<store::DueClockRow> out;
  Status st = s.db.Read([&](store::Connection& c) {
    // Only council staff list clocks, for whom a list leaves out just the restricted records
    // that do not name them (VisibleInLists); the query does that.
    out = store::ClockRepo(c).DueBy(by, ScopeWorker(actor, scope), ScopeTeam(actor, scope), kListLimit, actor.user.id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  CASEWORK_RETURN_IF_ERROR(AuditAlone(
      s, actor,
      {"report.clocks", "", true, RoleName(actor.user.role), std::string(action) + ": " + std::to_string(out.size())}));
  return out;
}

Result<std::vector<TimelinessRow>> TimelinessReport(const Services& s, const Actor& actor, ClockScope scope, Date from,
                                                   Date to) {
  const std::string action = std::string("report timeliness for ") +
                             (scope == ClockScope::kMine   ? "my children"
                              : scope == ClockScope::kTeam ? "my team"
                                                           : "the service") +
                             ", " + FormatDate(from) + " to " + FormatDate(to);
  if (date::sys_days{to} < date::sys_days{from}) return Status::Invalid("to", "must not be before from");
  if ((date::sys_days{to} - date::sys_days{from}).count() > 366) {
    return Status::Invalid("to", "must be within 366 days of from");
  }
  CASEWORK_RETURN_IF_ERROR(RequireClockScope(s, actor, scope, action));
  Date today = Today(s);
  std::vector<TimelinessRow> out;
  for (const TimescaleDefinition& d : s.settings.timescales.clocks) out.push_back({d.key, d.name});
  int counted = 0;
  Status st = s.db.Read([&](store::Connection& c) {
    std::map<std::string, bool> visible;
    for (const store::DueClockRow& row : store::ClockRepo(c).StatutoryDueBetween(
             from, to, ScopeWorker(actor, scope), ScopeTeam(actor, scope), std::numeric_limits<int>::max())) {
      const RecordClock& k = row.clock;
      auto seen = visible.find(k.person_id);
      if (seen == visible.end()) seen = visible.emplace(k.person_id, VisibleInLists(c, s, actor, k.person_id)).first;
      if (!seen->second) continue;
      auto line = std::find_if(out.begin(), out.end(), [&](const TimelinessRow& r) { return r.timescale == k.definition; });
      if (line == out.end()) line = out.insert(out.end(), TimelinessRow{k.definition, k.name});
      bool late = k.LateAgainstStatutory(today);
      if (k.status == ClockStatus::kMet) {
        ++(late ? line->met_late : line->met_on_time);
      } else if (k.status == ClockStatus::kOpen) {
        ++(late ? line->open_late : line->open_in_time);
      } else {
        ++line->ended;
      }
      if (k.extended_due) ++line->extended;
      ++counted;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  CASEWORK_RETURN_IF_ERROR(AuditAlone(
      s, actor, {"report.clocks", "", true, RoleName(actor.user.role), action + ": " + std::to_string(counted)}));
  return out;
}

Result<std::vector<ExtensionToDecide>> ListExtensionsToDecide(const Services& s, const Actor& actor) {
  constexpr char kAction[] = "list extension requests to decide";
  if (actor.user.role != Role::kTeamManager || actor.user.team_id.empty()) {
    return Refuse(s, actor, {"report.clocks", "", false, "", kAction},
                  Status::Denied("only a team manager decides extension requests, for their own team's children"));
  }
  std::vector<ExtensionToDecide> out;
  Status st = s.db.Read([&](store::Connection& c) {
    store::ClockRepo clocks(c);
    store::UserRepo users(c);
    for (store::DueClockRow& row : clocks.AwaitingExtensionDecision(actor.user.team_id, kListLimit)) {
      if (!VisibleInLists(c, s, actor, row.clock.person_id)) continue;
      std::vector<ExtensionRequest> extensions = clocks.Extensions(row.clock.id);
      ExtensionRequest* e = Pending(extensions);
      if (!e) continue;
      auto requester = users.Get(e->requested_by);
      out.push_back({std::move(row), std::move(*e), requester ? requester->full_name : ""});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  CASEWORK_RETURN_IF_ERROR(AuditAlone(
      s, actor, {"report.clocks", "", true, RoleName(actor.user.role), std::string(kAction) + ": " + std::to_string(out.size())}));
  return out;
}

std::vector<RecordAlert> RecordAlerts(const Services& s, const std::vector<RecordClock>& open_clocks) {
  struct Kind {
    const char* key;
    const char* label;
    const char* started_by;  // the event whose clocks run while the alert holds
  };
  static constexpr Kind kKinds[] = {
      {"child_protection_plan", "Child protection plan", "child_protection_plan_started"},
      {"looked_after", "Looked after", "became_looked_after"},
  };
  std::vector<RecordAlert> out;
  for (const Kind& kind : kKinds) {
    bool running = std::any_of(open_clocks.begin(), open_clocks.end(), [&](const RecordClock& k) {
      const TimescaleDefinition* d = s.settings.timescales.Find(k.definition);
      return d && Names(d->starts_on, kind.started_by);
    });
    if (running) out.push_back({kind.key, kind.label});
  }
  return out;
}

std::vector<Reminder> ClockReminders(const std::vector<RecordClock>& open_clocks, Date today) {
  std::vector<Reminder> out;
  for (const RecordClock& k : open_clocks) {
    out.push_back({k.definition, k.name + ": due by " + FormatDate(k.Due()) + ".", k.Due(), k.DaysOverdue(today) > 0});
  }
  return out;
}

}  // namespace casework::app
