#include <sstream>
#include <unordered_map>

#include "app/access.h"
#include "app/timescales.h"
#include "app/audit.h"
#include "app/person_support.h"
#include "app/persons.h"
#include "app/record_cache.h"
#include "core/nhs_number.h"
#include "core/person_rules.h"
#include "store/clock_repo.h"
#include "store/person_repo.h"
#include "store/record_version_repo.h"
#include "store/relationship_repo.h"

namespace casework::app {
namespace {

std::vector<MissingDetail> ParseMissing(const std::string& text) {
  std::vector<MissingDetail> out;
  std::istringstream in(text);
  for (std::string field; std::getline(in, field, ',');) {
    for (const DetailField& f : DetailFields()) {
      if (field == f.name) out.push_back({f.name, f.label});
    }
  }
  return out;
}

// Everything the summary shows that is stored with the person, as this snapshot holds it.
std::shared_ptr<const RecordParts> AssembleParts(store::Connection& c, const std::string& person_id) {
  auto parts = std::make_shared<RecordParts>();
  store::PersonRepo persons(c);
  store::ClockRepo clocks(c);
  // None of these reads waits on another's answer but the relatives' summaries, so on a
  // database server they are sent together: one round trip instead of nine.
  persons.PrefetchRecord(person_id);
  store::RelationshipRepo(c).PrefetchInvolving(person_id);
  clocks.PrefetchOpenForPerson(person_id);
  parts->person = *persons.Get(person_id);
  parts->addresses = persons.Addresses(person_id);
  parts->other_names = persons.OtherNames(person_id);
  std::vector<Relationship> related = store::RelationshipRepo(c).Involving(person_id);
  auto other_of = [&](const Relationship& r) { return r.child_id == person_id ? r.related_person_id : r.child_id; };
  std::vector<std::string> others;
  for (const Relationship& r : related) others.push_back(other_of(r));
  // One query for the whole family rather than one for each relative.
  std::unordered_map<std::string, PersonSummary> summaries = persons.Summaries(others);
  for (Relationship& r : related) {
    auto summary = summaries.find(other_of(r));
    if (summary != summaries.end()) parts->relationships.push_back({std::move(r), summary->second});
  }
  parts->open_clocks = clocks.OpenForPerson(person_id);
  return parts;
}

// The kept summary if the snapshot holds the version it was assembled at, else assembled now
// (and kept). The version is read in the same snapshot as the parts (with the case record, when
// there is one), so a kept summary is exactly what this snapshot would give.
std::shared_ptr<const RecordParts> Parts(store::Connection& c, const Services& s, const std::string& person_id,
                                         std::optional<int64_t> version_read) {
  if (!s.record_cache) return AssembleParts(c, person_id);
  int64_t version = version_read ? *version_read : store::RecordVersionRepo(c).Get(person_id);
  if (auto kept = s.record_cache->Find(person_id, version)) return kept;
  auto parts = AssembleParts(c, person_id);
  s.record_cache->Keep(person_id, version, parts);
  return parts;
}

}  // namespace

const std::vector<RelationshipView>& PersonRecord::relationships() const {
  static const std::vector<RelationshipView> kNone;
  return family_shown ? stored->relationships : kNone;
}

Result<PersonRecord> GetPersonRecord(const Services& s, const Actor& actor, const std::string& person_id) {
  Result<PersonRecordRead> read = ReadPersonRecord(s, actor, person_id);
  if (!read.ok()) return read.status();
  CASEWORK_RETURN_IF_ERROR(read->log_line.Write());
  return std::move(read->record);
}

Result<PersonRecordRead> ReadPersonRecord(const Services& s, const Actor& actor, const std::string& person_id) {
  PersonRecord view;
  // The allocated worker and team and the kept summary's version are read with the case
  // record, in its statement: on a database server, with the reads that decide access, one
  // round trip for the whole summary when it is kept.
  AccessReads reads;
  reads.allocation = true;
  reads.version = s.record_cache != nullptr;
  Result<PendingAuditLine> line = ReadRecordLoggingLater(s, actor, person_id, "opened the record", [&](store::Connection& c,
                                                                         const RecordAccess& access) {
    view = {};
    const std::optional<CaseRecord>& record = access.case_record;
    view.stored = Parts(c, s, person_id, access.record_version);
    view.case_record = record;
    view.allocated_worker = access.allocated_worker;
    view.allocated_team_name = access.allocated_team_name;
    // SEC-05: a partner is shown the child, not the child's family, unless shared.
    view.family_shown = !access.partner_view;
    view.missing = MissingDetails(view.person(), record ? &*record : nullptr, s.settings);
    // Worked out against today on every request: a kept summary may be days old.
    view.reminders = ClockReminders(view.stored->open_clocks, Today(s));
    view.alerts = RecordAlerts(s, view.stored->open_clocks);
    return Status::Ok();
  }, reads);
  if (!line.ok()) return line.status();
  return PersonRecordRead{std::move(view), std::move(*line)};
}

Result<std::vector<PersonSummary>> SearchPersons(const Services& s, const Actor& actor, store::PersonQuery query) {
  if (query.name.empty() && !query.date_of_birth && query.nhs_number.empty() && query.council_reference.empty()) {
    return Status::Invalid("name", "give a name, date of birth, NHS number or council reference to search for");
  }
  if (!query.nhs_number.empty()) {
    auto normal = NormaliseNhsNumber(query.nhs_number);
    if (!normal) return Status::Invalid("nhs_number", "is not a valid NHS number");
    query.nhs_number = *normal;
  }
  if (query.limit < 1 || query.limit > 200) return Status::Invalid("limit", "must be between 1 and 200");
  // Partners may search, but find only the records shared with them (SEC-05).
  if (actor.user.role != Role::kPartnerPractitioner) {
    CASEWORK_RETURN_IF_ERROR(RequireCaseworkRole(s, actor, "search"));
  }
  std::vector<PersonSummary> results;
  size_t omitted = 0;
  Status st = s.db.Read([&](store::Connection& c) {
    results.clear();
    omitted = 0;
    // Partners see only what is shared with them, which takes each record's sharing; for
    // council staff the restriction is checked inside the search query itself.
    bool partner = actor.user.role == Role::kPartnerPractitioner;
    if (!partner) query.viewer_user_id = actor.user.id;
    for (PersonSummary& found : store::PersonRepo(c).Search(query, &omitted)) {
      if (!partner || VisibleInLists(c, s, actor, found.id)) results.push_back(std::move(found));
      else ++omitted;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  std::string terms = "name=" + query.name;
  if (query.date_of_birth) terms += " date_of_birth=" + FormatDate(*query.date_of_birth);
  if (!query.nhs_number.empty()) terms += " nhs_number=" + query.nhs_number;
  if (!query.council_reference.empty()) terms += " council_reference=" + query.council_reference;
  terms += " results=" + std::to_string(results.size());
  if (omitted > 0) terms += " withheld=" + std::to_string(omitted);
  st = AuditAlone(s, actor, {"search", "", true, RoleName(actor.user.role), terms});
  if (!st.ok()) return st;
  return results;
}

Result<std::vector<IncompleteRecord>> ListIncomplete(const Services& s, const Actor& actor, int limit,
                                                      const std::string& after_id) {
  if (limit < 1 || limit > 500) return Status::Invalid("limit", "must be between 1 and 500");
  CASEWORK_RETURN_IF_ERROR(RequireCaseworkRole(s, actor, "list incomplete records"));
  std::vector<IncompleteRecord> out;
  Status st = s.db.Read([&](store::Connection& c) {
    out.clear();
    for (auto& [summary, missing] : store::PersonRepo(c).Incomplete(limit, after_id)) {
      if (!VisibleInLists(c, s, actor, summary.id)) continue;
      out.push_back({std::move(summary), ParseMissing(missing)});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  st = AuditAlone(s, actor, {"report.incomplete_records", "", true, RoleName(actor.user.role),
                             "listed " + std::to_string(out.size()) + " incomplete records"});
  if (!st.ok()) return st;
  return out;
}

}  // namespace casework::app
