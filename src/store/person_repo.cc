#include "store/person_repo.h"

#include "core/text.h"
#include "store/person_summary_row.h"
#include "store/row.h"

namespace casework::store {
namespace {

constexpr char kPersonColumns[] =
    "id, version, given_names, family_name, date_of_birth, gender, ethnicity, religion, first_language, "
    "interpreter_needed, communication_needs, disability, nhs_number, unborn, began_unborn, mother_person_id, "
    "mother_family_name, mother_nhs_number, expected_date_of_delivery, born_on, registered_on, "
    "birth_certificate_seen_on, birth_certificate_seen_by, created_at, updated_at";

Person PersonAt(const Cursor& r) {
  Person p;
  p.id = r.String(0);
  p.version = r.Int(1);
  PersonDetails& d = p.details;
  d.given_names = r.String(2);
  d.family_name = r.String(3);
  d.date_of_birth = OptDateAt(r, 4);
  d.gender = r.String(5);
  d.ethnicity = r.String(6);
  d.religion = r.String(7);
  d.first_language = r.String(8);
  d.interpreter_needed = OptBoolAt(r, 9);
  d.communication_needs = r.String(10);
  d.disability = r.String(11);
  d.nhs_number = r.String(12);
  if (r.Bool(14)) {
    BirthDetails b;
    b.unborn = r.Bool(13);
    b.mother_person_id = r.String(15);
    b.mother_family_name = r.String(16);
    b.mother_nhs_number = r.String(17);
    b.expected_date_of_delivery = OptDateAt(r, 18);
    b.born_on = OptDateAt(r, 19);
    b.registered_on = OptDateAt(r, 20);
    p.birth = b;
  }
  if (auto seen = OptDateAt(r, 21)) p.birth_certificate = BirthCertificate{*seen, r.String(22)};
  p.created_at = TimestampAt(r, 23);
  p.updated_at = TimestampAt(r, 24);
  return p;
}

Address AddressAt(const Cursor& r) {
  Address a;
  a.id = r.String(0);
  a.line1 = r.String(1);
  a.line2 = r.String(2);
  a.town = r.String(3);
  a.postcode = r.String(4);
  a.from = OptDateAt(r, 5);
  a.to = OptDateAt(r, 6);
  return a;
}

constexpr char kAddressColumns[] = "id, line1, line2, town, postcode, from_date, to_date";

// The persons columns that Insert and Update both write, in one order, with the text they
// bind kept alive alongside.
class PersonColumns {
 public:
  static constexpr char kNames[] =
      "version, given_names, family_name, display_name, date_of_birth, gender, ethnicity, religion, "
      "first_language, interpreter_needed, communication_needs, disability, nhs_number, unborn, mother_person_id, "
      "mother_family_name, mother_nhs_number, expected_date_of_delivery, born_on, registered_on, "
      "birth_certificate_seen_on, birth_certificate_seen_by, missing_details, updated_at";
  static constexpr int kCount = 24;

  PersonColumns(const Person& p, const std::string& missing) {
    const PersonDetails& d = p.details;
    const BirthDetails* b = p.birth ? &*p.birth : nullptr;
    dob_ = DateText(d.date_of_birth);
    edd_ = DateText(b ? b->expected_date_of_delivery : std::nullopt);
    born_ = DateText(b ? b->born_on : std::nullopt);
    registered_ = DateText(b ? b->registered_on : std::nullopt);
    cert_ = DateText(p.birth_certificate ? std::optional<Date>(p.birth_certificate->seen_on) : std::nullopt);
    display_ = p.DisplayName();
    updated_ = FormatTimestamp(p.updated_at);
    Value interpreter = d.interpreter_needed ? Value{int64_t{*d.interpreter_needed ? 1 : 0}} : Value{nullptr};
    values_ = {p.version,
               std::string_view(d.given_names),
               std::string_view(d.family_name),
               std::string_view(display_),
               DateValue(dob_),
               std::string_view(d.gender),
               std::string_view(d.ethnicity),
               std::string_view(d.religion),
               std::string_view(d.first_language),
               interpreter,
               std::string_view(d.communication_needs),
               std::string_view(d.disability),
               TextOrNull(d.nhs_number),
               int64_t{b && b->unborn ? 1 : 0},
               b ? TextOrNull(b->mother_person_id) : Value{nullptr},
               b ? Value{std::string_view(b->mother_family_name)} : Value{nullptr},
               b ? TextOrNull(b->mother_nhs_number) : Value{nullptr},
               DateValue(edd_),
               DateValue(born_),
               DateValue(registered_),
               DateValue(cert_),
               p.birth_certificate ? Value{std::string_view(p.birth_certificate->seen_by)} : Value{nullptr},
               std::string_view(missing),
               std::string_view(updated_)};
  }

  std::vector<Value>& values() { return values_; }

 private:
  std::optional<std::string> dob_, edd_, born_, registered_, cert_;
  std::string display_, updated_;
  std::vector<Value> values_;
};

std::string Placeholders(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

}  // namespace

PersonSummary SummaryAt(const Cursor& r) {
  PersonSummary s;
  s.id = r.String(0);
  s.display_name = r.String(1);
  s.date_of_birth = OptDateAt(r, 2);
  s.nhs_number = r.String(3);
  s.council_reference = r.String(4);
  s.postcode = r.String(5);
  s.unborn = r.Bool(6);
  return s;
}

void PersonRepo::Insert(const Person& p, const std::string& current_name_id, const std::string& missing) {
  PersonColumns columns(p, missing);
  std::string created = FormatTimestamp(p.created_at);
  std::vector<Value>& values = columns.values();
  values.push_back(std::string_view(p.id));
  values.push_back(int64_t{p.birth ? 1 : 0});
  values.push_back(std::string_view(created));
  c_.ExecValues(std::string("INSERT INTO persons (") + PersonColumns::kNames +
                    ", id, began_unborn, created_at) VALUES (" + Placeholders(PersonColumns::kCount + 3) + ")",
                values);
  WriteIdentifiers(p);
  const PersonDetails& d = p.details;
  std::string key = FoldName(d.given_names + " " + d.family_name);
  c_.Exec(
      "INSERT INTO person_names (id, person_id, kind, given_names, family_name, note, name_key, recorded_at) "
      "VALUES (?, ?, 'current', ?, ?, '', ?, ?)",
      {std::string_view(current_name_id), std::string_view(p.id), std::string_view(d.given_names),
       std::string_view(d.family_name), std::string_view(key), std::string_view(created)});
  IndexNameWords(p.id);
}

bool PersonRepo::Update(const Person& p, int64_t expected_version, const std::string& missing) {
  PersonColumns columns(p, missing);
  std::string sets = PersonColumns::kNames;
  for (size_t pos = 0; (pos = sets.find(',', pos)) != std::string::npos; pos += 5) sets.replace(pos, 1, " = ?,");
  std::vector<Value>& values = columns.values();
  values.push_back(std::string_view(p.id));
  values.push_back(expected_version);
  if (c_.ExecValues("UPDATE persons SET " + sets + " = ? WHERE id = ? AND version = ?", values) == 0) return false;
  c_.Exec("DELETE FROM person_identifiers WHERE person_id = ?", {std::string_view(p.id)});
  c_.Exec("DELETE FROM person_not_known WHERE person_id = ?", {std::string_view(p.id)});
  WriteIdentifiers(p);
  IndexNameWords(p.id);  // the display name may have changed
  return true;
}

void PersonRepo::WriteIdentifiers(const Person& p) {
  for (const Identifier& id : p.details.other_identifiers) {
    c_.Exec("INSERT INTO person_identifiers (person_id, scheme, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            {std::string_view(p.id), std::string_view(id.scheme), std::string_view(id.value)});
  }
  for (const auto& [field, reason] : p.details.not_known) {
    c_.Exec("INSERT INTO person_not_known (person_id, field, reason) VALUES (?, ?, ?)",
            {std::string_view(p.id), std::string_view(field), std::string_view(reason)});
  }
}

void PersonRepo::SetMissing(const std::string& person_id, const std::string& missing) {
  c_.Exec("UPDATE persons SET missing_details = ? WHERE id = ?",
          {std::string_view(missing), std::string_view(person_id)});
}

namespace {

// The reads of one person's record, each taking the person's id alone; PrefetchRecord sends
// the same texts ahead.
const std::string kPersonSql = std::string("SELECT ") + kPersonColumns + " FROM persons WHERE id = ?";
constexpr char kIdentifiersSql[] =
    "SELECT scheme, value FROM person_identifiers WHERE person_id = ? ORDER BY scheme, value";
constexpr char kNotKnownSql[] = "SELECT field, reason FROM person_not_known WHERE person_id = ?";
const std::string kCurrentAddressSql =
    std::string("SELECT ") + kAddressColumns + " FROM addresses WHERE person_id = ? AND current = 1";
constexpr char kOtherNamesSql[] =
    "SELECT id, kind, given_names, family_name, note, recorded_at FROM person_names "
    "WHERE person_id = ? AND kind <> 'current' ORDER BY recorded_at, id";
const std::string kAddressesSql =
    std::string("SELECT ") + kAddressColumns +
    " FROM addresses WHERE person_id = ? ORDER BY current DESC, from_date DESC, recorded_at DESC";

}  // namespace

std::optional<Person> PersonRepo::Get(const std::string& id) {
  std::optional<Person> p;
  {
    auto rows = c_.Query(kPersonSql, {std::string_view(id)});
    if (!rows->Next()) return std::nullopt;
    p = PersonAt(*rows);
  }
  auto ids = c_.Query(kIdentifiersSql, {std::string_view(id)});
  while (ids->Next()) p->details.other_identifiers.push_back({ids->String(0), ids->String(1)});
  auto nk = c_.Query(kNotKnownSql, {std::string_view(id)});
  while (nk->Next()) p->details.not_known[nk->String(0)] = nk->String(1);
  auto addr = c_.Query(kCurrentAddressSql, {std::string_view(id)});
  if (addr->Next()) p->current_address = AddressAt(*addr);
  return p;
}

void PersonRepo::PrefetchRecord(const std::string& id) {
  for (std::string_view sql : {std::string_view(kPersonSql), std::string_view(kIdentifiersSql),
                               std::string_view(kNotKnownSql), std::string_view(kCurrentAddressSql),
                               std::string_view(kOtherNamesSql), std::string_view(kAddressesSql)}) {
    c_.Prefetch(sql, {std::string_view(id)});
  }
}

bool PersonRepo::Exists(const std::string& id) {
  auto rows = c_.Query("SELECT 1 FROM persons WHERE id = ?", {std::string_view(id)});
  return rows->Next();
}

void PersonRepo::SetCurrentName(const std::string& person_id, const std::string& name_id, const std::string& given,
                                const std::string& family, NameKind demoted_kind, Timestamp at) {
  std::string when = FormatTimestamp(at);
  c_.Exec("UPDATE person_names SET kind = ? WHERE person_id = ? AND kind = 'current'",
          {std::string_view(NameKindName(demoted_kind)), std::string_view(person_id)});
  std::string key = FoldName(given + " " + family);
  c_.Exec(
      "INSERT INTO person_names (id, person_id, kind, given_names, family_name, note, name_key, recorded_at) "
      "VALUES (?, ?, 'current', ?, ?, '', ?, ?)",
      {std::string_view(name_id), std::string_view(person_id), std::string_view(given), std::string_view(family),
       std::string_view(key), std::string_view(when)});
  IndexNameWords(person_id);
}

void PersonRepo::AddName(const std::string& person_id, const OtherName& n) {
  std::string when = FormatTimestamp(n.recorded_at);
  std::string key = FoldName(n.given_names + " " + n.family_name);
  c_.Exec(
      "INSERT INTO person_names (id, person_id, kind, given_names, family_name, note, name_key, recorded_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(n.id), std::string_view(person_id), std::string_view(NameKindName(n.kind)),
       std::string_view(n.given_names), std::string_view(n.family_name), std::string_view(n.note),
       std::string_view(key), std::string_view(when)});
  IndexNameWords(person_id);
}

std::vector<OtherName> PersonRepo::OtherNames(const std::string& person_id) {
  std::vector<OtherName> out;
  auto rows = c_.Query(kOtherNamesSql, {std::string_view(person_id)});
  while (rows->Next()) {
    OtherName n;
    n.id = rows->String(0);
    n.kind = ParseNameKind(rows->Text(1)).value_or(NameKind::kAlias);
    n.given_names = rows->String(2);
    n.family_name = rows->String(3);
    n.note = rows->String(4);
    n.recorded_at = TimestampAt(*rows, 5);
    out.push_back(std::move(n));
  }
  return out;
}

void PersonRepo::AddAddress(const std::string& person_id, const Address& a, Timestamp at) {
  std::optional<std::string> closing;
  if (a.from) closing = FormatDate(Date{date::sys_days{*a.from} - date::days{1}});
  c_.Exec("UPDATE addresses SET current = 0, to_date = COALESCE(to_date, ?) WHERE person_id = ? AND current = 1",
          {DateValue(closing), std::string_view(person_id)});
  auto from = DateText(a.from);
  auto to = DateText(a.to);
  std::string when = FormatTimestamp(at);
  std::string key = FoldPostcode(a.postcode);
  c_.Exec(
      "INSERT INTO addresses (id, person_id, line1, line2, town, postcode, postcode_key, from_date, to_date, current, "
      "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(a.id), std::string_view(person_id), std::string_view(a.line1), std::string_view(a.line2),
       std::string_view(a.town), std::string_view(a.postcode), std::string_view(key), DateValue(from), DateValue(to),
       int64_t{a.to ? 0 : 1}, std::string_view(when)});
  if (words_ == NameWords::kNow) {
    c_.Exec(
        "UPDATE person_name_words SET postcode = "
        "(SELECT a.postcode FROM addresses a WHERE a.person_id = ? AND a.current = 1 LIMIT 1) WHERE person_id = ?",
        {std::string_view(person_id), std::string_view(person_id)});
  }
}

std::vector<Address> PersonRepo::Addresses(const std::string& person_id) {
  std::vector<Address> out;
  auto rows = c_.Query(kAddressesSql, {std::string_view(person_id)});
  while (rows->Next()) out.push_back(AddressAt(*rows));
  return out;
}

std::optional<std::string> PersonRepo::FindByNhsNumber(const std::string& nhs_number) {
  auto rows = c_.Query("SELECT id FROM persons WHERE nhs_number = ?", {std::string_view(nhs_number)});
  if (!rows->Next()) return std::nullopt;
  return rows->String(0);
}

std::vector<DuplicateCandidate> PersonRepo::DuplicateCandidates(const std::optional<Date>& dob,
                                                                const std::string& nhs_number,
                                                                const std::string& postcode_key) {
  auto dob_text = DateText(dob);
  std::vector<DuplicateCandidate> out;
  auto rows = c_.Query(
      "SELECT p.id, p.display_name, p.date_of_birth, p.nhs_number, a.postcode_key FROM persons p "
      "LEFT JOIN addresses a ON a.person_id = p.id AND a.current = 1 "
      "WHERE p.date_of_birth = ? OR p.nhs_number = ? OR a.postcode_key = ? LIMIT 200",
      {DateValue(dob_text), TextOrNull(nhs_number), TextOrNull(postcode_key)});
  while (rows->Next()) {
    DuplicateCandidate c;
    c.person_id = rows->String(0);
    c.display_name = rows->String(1);
    c.date_of_birth = OptDateAt(*rows, 2);
    c.nhs_number = rows->String(3);
    c.postcode = rows->String(4);
    out.push_back(std::move(c));
  }
  rows.reset();
  for (DuplicateCandidate& c : out) {
    auto names = c_.Query("SELECT name_key FROM person_names WHERE person_id = ?", {std::string_view(c.person_id)});
    while (names->Next()) c.names.push_back(names->String(0));
  }
  return out;
}

std::vector<std::pair<PersonSummary, std::string>> PersonRepo::Incomplete(int limit, const std::string& after_id) {
  std::vector<std::pair<PersonSummary, std::string>> out;
  auto rows = c_.Query(std::string(kSummarySelect) + ", p.missing_details FROM persons p" + kSummaryJoins +
                           " WHERE p.missing_details <> '' AND p.id > ? ORDER BY p.id LIMIT ?",
                       {std::string_view(after_id), int64_t{limit}});
  while (rows->Next()) out.emplace_back(SummaryAt(*rows), rows->String(7));
  return out;
}

std::unordered_map<std::string, PersonSummary> PersonRepo::Summaries(const std::vector<std::string>& ids) {
  std::unordered_map<std::string, PersonSummary> out;
  if (ids.empty()) return out;
  std::vector<Value> params(ids.begin(), ids.end());
  auto rows = c_.QueryValues(std::string(kSummarySelect) + " FROM persons p" + kSummaryJoins + " WHERE p.id IN (" +
                                 Placeholders(static_cast<int>(ids.size())) + ")",
                             params);
  while (rows->Next()) {
    PersonSummary summary = SummaryAt(*rows);
    std::string id = summary.id;
    out.emplace(std::move(id), std::move(summary));
  }
  return out;
}

}  // namespace casework::store
