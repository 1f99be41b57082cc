#include "store/relationship_repo.h"

#include "store/row.h"

namespace casework::store {

void RelationshipRepo::Insert(const Relationship& r, Timestamp at) {
  std::string created = FormatTimestamp(at);
  auto ended = DateText(r.ended_on);
  c_.Exec(
      "INSERT INTO relationships (id, child_id, related_person_id, type, parental_responsibility, lives_with_child, "
      "description, ended_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {std::string_view(r.id), std::string_view(r.child_id), std::string_view(r.related_person_id),
       std::string_view(RelationshipTypeName(r.type)), int64_t{r.parental_responsibility ? 1 : 0},
       int64_t{r.lives_with_child ? 1 : 0}, std::string_view(r.description), DateValue(ended),
       std::string_view(created)});
}

namespace {

constexpr char kInvolvingSql[] =
    "SELECT id, child_id, related_person_id, type, parental_responsibility, lives_with_child, description, "
    "ended_on FROM relationships WHERE child_id = ? OR related_person_id = ? ORDER BY created_at, id";

}  // namespace

void RelationshipRepo::PrefetchInvolving(const std::string& person_id) {
  c_.Prefetch(kInvolvingSql, {std::string_view(person_id), std::string_view(person_id)});
}

std::vector<Relationship> RelationshipRepo::Involving(const std::string& person_id) {
  std::vector<Relationship> out;
  auto rows = c_.Query(kInvolvingSql, {std::string_view(person_id), std::string_view(person_id)});
  while (rows->Next()) {
    Relationship r;
    r.id = rows->String(0);
    r.child_id = rows->String(1);
    r.related_person_id = rows->String(2);
    r.type = ParseRelationshipType(rows->Text(3)).value_or(RelationshipType::kOther);
    r.parental_responsibility = rows->Bool(4);
    r.lives_with_child = rows->Bool(5);
    r.description = rows->String(6);
    r.ended_on = OptDateAt(*rows, 7);
    out.push_back(std::move(r));
  }
  return out;
}

bool RelationshipRepo::Exists(const std::string& child_id, const std::string& related_person_id,
                              RelationshipType type) {
  auto rows = c_.Query(
      "SELECT 1 FROM relationships WHERE child_id = ? AND related_person_id = ? AND type = ? AND ended_on IS NULL",
      {std::string_view(child_id), std::string_view(related_person_id), std::string_view(RelationshipTypeName(type))});
  return rows->Next();
}

}  // namespace casework::store
