// Timescales on a child's record: events, clocks, shorter timescales, extensions, and the due
// and overdue lists (TIM-01..05).
#include "app/timescales.h"
#include "http/handler_support.h"

namespace casework::http {
namespace json = boost::json;

namespace {

json::value DateOrNull(const std::optional<Date>& d) { return d ? json::value(FormatDate(*d)) : nullptr; }

json::object ClockJson(const RecordClock& k, Date today) {
  return json::object{{"id", k.id},
                      {"person_id", k.person_id},
                      {"timescale", k.definition},
                      {"name", k.name},
                      {"occurrence", k.occurrence},
                      {"status", ClockStatusName(k.status)},
                      {"started_on", FormatDate(k.started_on)},
                      {"statutory_due", FormatDate(k.statutory_due)},
                      {"shortened_due", DateOrNull(k.shortened_due)},
                      {"shortened_reason", k.shortened_reason},
                      {"extended_due", DateOrNull(k.extended_due)},
                      {"due", FormatDate(k.Due())},
                      {"stopped_on", DateOrNull(k.stopped_on)},
                      {"days_overdue", k.DaysOverdue(today)},
                      {"late_against_statutory", k.LateAgainstStatutory(today)}};
}

json::object ExtensionJson(const ExtensionRequest& e) {
  json::array consultations;
  for (const Consultation& c : e.consultations) {
    consultations.push_back(json::object{{"id", c.id},
                                         {"agency", c.agency},
                                         {"manager_name", c.manager_name},
                                         {"consulted_at", FormatTimestamp(c.consulted_at)},
                                         {"view", c.view},
                                         {"recorded_by", c.recorded_by}});
  }
  return json::object{{"id", e.id},
                      {"status", ExtensionStatusName(e.status)},
                      {"reason", e.reason},
                      {"proposed_due", FormatDate(e.proposed_due)},
                      {"agencies", json::array(e.agencies.begin(), e.agencies.end())},
                      {"requested_by", e.requested_by},
                      {"requested_at", FormatTimestamp(e.requested_at)},
                      {"consultations", std::move(consultations)},
                      {"not_yet_consulted",
                       [&] {
                         auto missing = e.AgenciesNotConsulted();
                         return json::array(missing.begin(), missing.end());
                       }()},
                      {"decided_by", e.decided_by},
                      {"decision_reason", e.decision_reason}};
}

json::object ClockViewJson(const app::ClockView& v, Date today) {
  json::object o = ClockJson(v.clock, today);
  json::array extensions;
  for (const ExtensionRequest& e : v.extensions) extensions.push_back(ExtensionJson(e));
  o["extensions"] = std::move(extensions);
  return o;
}

Response RecordEvent(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  app::EventInput in;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        in.event = r.String("event", true);
        if (auto d = r.OptDate("occurred_on", true)) in.occurred_on = *d;
        in.note = r.String("note");
      })) {
    return *bad;
  }
  Date today = TodayIn(call);
  return Answer(
      app::RecordTimescaleEvent(call.services, call.actor(), id, in),
      [&](const app::EventOutcome& o) {
        auto list = [&](const std::vector<RecordClock>& clocks) {
          json::array out;
          for (const RecordClock& k : clocks) out.push_back(ClockJson(k, today));
          return out;
        };
        return json::object{{"item", JournalItemJson(o.item)},
                            {"started", list(o.started)},
                            {"stopped", list(o.stopped)},
                            {"ended", list(o.ended)}};
      },
      201);
}

Response RecordClocks(const Call& call) {
  std::string id;
  if (auto bad = PathId(call, "id", id)) return *bad;
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  Date today = TodayIn(call);
  return Answer(app::ListRecordClocks(call.services, call.actor(), id), [&](const auto& views) {
    json::array out;
    for (const app::ClockView& v : views) out.push_back(ClockViewJson(v, today));
    return json::object{{"clocks", std::move(out)}};
  });
}

Response AnswerClock(const Call& call, const Result<app::ClockView>& result, int status = 200) {
  Date today = TodayIn(call);
  return Answer(
      result,
      [&](const app::ClockView& v) {
        return json::object{{"clock", ClockViewJson(v, today)}};
      },
      status);
}

Response Shorten(const Call& call) {
  std::string id, reason;
  Date due{};
  if (auto bad = PathId(call, "clock", id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        if (auto d = r.OptDate("due", true)) due = *d;
        reason = r.String("reason", true);
      })) {
    return *bad;
  }
  return AnswerClock(call, app::ShortenClock(call.services, call.actor(), id, due, reason));
}

Response RequestExtension(const Call& call) {
  std::string id, reason;
  Date proposed{};
  std::vector<std::string> agencies;
  if (auto bad = PathId(call, "clock", id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        reason = r.String("reason", true);
        if (auto d = r.OptDate("proposed_due", true)) proposed = *d;
        agencies = r.Strings("agencies");
      })) {
    return *bad;
  }
  return AnswerClock(call, app::RequestExtension(call.services, call.actor(), id, reason, proposed, agencies), 201);
}

Response Consult(const Call& call) {
  std::string id;
  Consultation k;
  if (auto bad = PathId(call, "clock", id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        k.agency = r.String("agency", true);
        k.manager_name = r.String("manager_name", true);
        if (auto t = r.OptTimestamp("consulted_at", true)) k.consulted_at = *t;
        k.view = r.String("view", true);
      })) {
    return *bad;
  }
  return AnswerClock(call, app::RecordConsultation(call.services, call.actor(), id, std::move(k)), 201);
}

Response Decide(const Call& call) {
  std::string id, decision, reason;
  if (auto bad = PathId(call, "clock", id)) return *bad;
  if (auto bad = ReadBody(call, [&](JsonReader& r) {
        decision = r.String("decision", true);
        reason = r.String("reason", true);
        if (r.ok() && decision != "authorise" && decision != "decline")
          r.Fail("decision", "must be authorise or decline");
      })) {
    return *bad;
  }
  return AnswerClock(call, app::DecideExtension(call.services, call.actor(), id, decision == "authorise", reason));
}

json::object DueRowJson(const store::DueClockRow& row, Date today) {
  json::object o = ClockJson(row.clock, today);
  o["child"] = json::object{
      {"id", row.clock.person_id}, {"display_name", row.child_name}, {"council_reference", row.council_reference}};
  o["allocated_worker"] = row.worker_id.empty()
                              ? json::value(nullptr)
                              : json::value(json::object{{"id", row.worker_id}, {"full_name", row.worker_name}});
  return o;
}

// The scope named in the query: mine (the default), team or service.
std::optional<app::ClockScope> ScopeIn(const Call& call) {
  std::string scope(call.request.QueryValue("scope").value_or("mine"));
  if (scope == "mine") return app::ClockScope::kMine;
  if (scope == "team") return app::ClockScope::kTeam;
  if (scope == "service") return app::ClockScope::kService;
  return std::nullopt;
}

Response DueClocks(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {"scope", "within_days"})) return *bad;
  std::optional<app::ClockScope> kind = ScopeIn(call);
  if (!kind) return ErrorResponse(400, "invalid_argument", "must be mine, team or service", "scope");
  Result<int> within = QueryInt(call.request, "within_days", 7, 0, 366);
  if (!within.ok()) return ErrorResponse(within.status());
  Date today = TodayIn(call);
  return Answer(app::ListDueClocks(call.services, call.actor(), *kind, *within), [&](const auto& rows) {
    json::array out;
    for (const store::DueClockRow& row : rows) out.push_back(DueRowJson(row, today));
    return json::object{{"clocks", std::move(out)}};
  });
}

Response ExtensionsToDecide(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  Date today = TodayIn(call);
  return Answer(app::ListExtensionsToDecide(call.services, call.actor()), [&](const auto& list) {
    json::array out;
    for (const app::ExtensionToDecide& x : list) {
      json::object o = DueRowJson(x.row, today);
      json::object request = ExtensionJson(x.request);
      request["requested_by_name"] = x.requested_by_name;
      o["extension"] = std::move(request);
      out.push_back(std::move(o));
    }
    return json::object{{"extension_requests", std::move(out)}};
  });
}

Response Timeliness(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {"scope", "from", "to"})) return *bad;
  std::optional<app::ClockScope> scope = ScopeIn(call);
  if (!scope) return ErrorResponse(400, "invalid_argument", "must be mine, team or service", "scope");
  Date dates[2];
  const char* names[2] = {"from", "to"};
  for (int i = 0; i < 2; ++i) {
    auto text = call.request.QueryValue(names[i]);
    if (!text) return ErrorResponse(400, "invalid_argument", "is required: a date, such as 2026-04-01", names[i]);
    Result<Date> d = ParseDate(*text, names[i]);
    if (!d.ok()) return ErrorResponse(d.status());
    dates[i] = *d;
  }
  return Answer(app::TimelinessReport(call.services, call.actor(), *scope, dates[0], dates[1]), [&](const auto& rows) {
    json::array out;
    for (const app::TimelinessRow& r : rows) {
      out.push_back(json::object{{"timescale", r.timescale},
                                 {"name", r.name},
                                 {"met_on_time", r.met_on_time},
                                 {"met_late", r.met_late},
                                 {"open_late", r.open_late},
                                 {"open_in_time", r.open_in_time},
                                 {"ended", r.ended},
                                 {"extended", r.extended}});
    }
    return json::object{{"from", FormatDate(dates[0])}, {"to", FormatDate(dates[1])}, {"timescales", std::move(out)}};
  });
}

Response Definitions(const Call& call) {
  if (auto bad = OnlyQuery(call.request, {})) return *bad;
  const Timescales& t = call.services.settings.timescales;
  json::array events, clocks;
  for (const auto& [key, name] : t.events) events.push_back(json::object{{"key", key}, {"name", name}});
  for (const TimescaleDefinition& d : t.clocks) {
    clocks.push_back(json::object{{"key", d.key},
                                  {"name", d.name},
                                  {"starts", json::array(d.starts_on.begin(), d.starts_on.end())},
                                  {"stops", json::array(d.stops_on.begin(), d.stops_on.end())},
                                  {"ends", json::array(d.ends_on.begin(), d.ends_on.end())},
                                  {"restarts", json::array(d.restarts_on.begin(), d.restarts_on.end())},
                                  {"length", DescribeInterval(d.first)},
                                  {"repeats", d.repeats},
                                  {"then",
                                   [&] {
                                     json::array later;
                                     for (const Interval& i : d.then) later.push_back(json::value(DescribeInterval(i)));
                                     return later;
                                   }()},
                                  {"after_a_year", d.after_a_year ? json::value(DescribeInterval(*d.after_a_year))
                                                                  : json::value(nullptr)}});
  }
  return Ok(json::object{{"events", std::move(events)}, {"clocks", std::move(clocks)}});
}

}  // namespace

void AddClockRoutes(Api& api) {
  api.Add("GET", "/api/v1/timescales", Definitions);
  api.Add("POST", "/api/v1/persons/{id}/events", RecordEvent);
  api.Add("GET", "/api/v1/persons/{id}/clocks", RecordClocks);
  api.Add("GET", "/api/v1/clocks", DueClocks);
  api.Add("GET", "/api/v1/extension-requests", ExtensionsToDecide);
  api.Add("GET", "/api/v1/reports/timeliness", Timeliness);
  api.Add("POST", "/api/v1/clocks/{clock}/shorter-timescale", Shorten);
  api.Add("POST", "/api/v1/clocks/{clock}/extension", RequestExtension);
  api.Add("POST", "/api/v1/clocks/{clock}/extension/consultations", Consult);
  api.Add("POST", "/api/v1/clocks/{clock}/extension/decision", Decide);
}

}  // namespace casework::http
