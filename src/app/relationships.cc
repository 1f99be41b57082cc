#include "app/access.h"
#include "app/domain_json.h"
#include "app/journal_writer.h"
#include "app/persons.h"
#include "core/entry_rules.h"
#include "core/journal_kinds.h"
#include "store/case_record_repo.h"
#include "store/person_repo.h"
#include "store/relationship_repo.h"

namespace casework::app {

Result<Relationship> AddRelationship(const Services& s, const Actor& actor, Relationship r) {
  if (r.related_person_id == r.child_id) {
    return Status::Invalid("related_person_id", "a person cannot be related to themselves");
  }
  CASEWORK_RETURN_IF_ERROR(CheckText(r.description, "description", 300, r.type == RelationshipType::kOther));
  Status st = WriteToRecord(s, actor, r.child_id, "recorded a relationship", [&](store::Connection& c) {
    if (!store::CaseRecordRepo(c).Get(r.child_id)) {
      return Status::Conflict("relationships are recorded on a child's case record, and this person has none");
    }
    if (!store::PersonRepo(c).Exists(r.related_person_id)) {
      return Status::Invalid("related_person_id", "names no person known to the service");
    }
    store::RelationshipRepo relationships(c);
    if (relationships.Exists(r.child_id, r.related_person_id, r.type)) {
      return Status::Conflict("this relationship is already recorded");
    }
    r.id = s.ids.Next();
    relationships.Insert(r, s.clock.Now());
    // Both people's records show the link, so each one's history is complete on its own.
    for (const std::string& record : {r.child_id, r.related_person_id}) {
      AppendItem(c, s, actor, {record, kinds::kRelationshipAdded, std::nullopt, "",
                               boost::json::object{{"relationship", RelationshipJson(r)}}});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return r;
}

}  // namespace casework::app
