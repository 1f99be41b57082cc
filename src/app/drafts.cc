#include "app/drafts.h"

#include <algorithm>

#include "app/access.h"
#include "app/audit.h"

namespace casework::app {
namespace {

bool KeyCharacter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.';
}

}  // namespace

Status CheckDraftKey(const std::string& key) {
  if (key.empty() || key.size() > 100 || !std::all_of(key.begin(), key.end(), KeyCharacter)) {
    return Status::Invalid("key", "must be 1 to 100 letters, digits, '-', '_' or '.'");
  }
  return Status::Ok();
}

Result<store::Draft> SaveDraft(const Services& s, const Actor& actor, store::Draft draft) {
  CASEWORK_RETURN_IF_ERROR(CheckDraftKey(draft.key));
  if (draft.content.size() > kMaxDraftBytes) {
    return Status::Invalid("content", "is too large to keep as a draft (at most 256 KiB)");
  }
  draft.updated_at = s.clock.Now();
  bool refused = false;
  Status refusal;
  Status st = s.db.Write([&](store::Connection& c) {
    if (!draft.record_id.empty()) {
      // A draft is of an entry, so whoever may write entries in the record may keep one.
      Result<RecordAccess> access = DecideRecordAccess(c, s, actor, draft.record_id, RecordOperation::kContribute);
      if (!access.ok()) {
        refused = true;
        refusal = access.status();
        return Status::Ok();
      }
    }
    store::DraftRepo(c).Save(actor.user.id, draft);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (refused) {
    if (refusal.code() == StatusCode::kNotFound) return Status::Invalid("record_id", "names no person's record");
    return Refuse(s, actor, {"record.write", draft.record_id, false, "", "keep a draft"}, refusal);
  }
  return draft;
}

Result<store::Draft> GetDraft(const Services& s, const Actor& actor, const std::string& key) {
  CASEWORK_RETURN_IF_ERROR(CheckDraftKey(key));
  std::optional<store::Draft> draft;
  Status st = s.db.Read([&](store::Connection& c) {
    draft = store::DraftRepo(c).Get(actor.user.id, key);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!draft) return Status::NotFound("you have no draft called " + key);
  return *draft;
}

Result<std::vector<store::Draft>> ListDrafts(const Services& s, const Actor& actor) {
  std::vector<store::Draft> drafts;
  Status st = s.db.Read([&](store::Connection& c) {
    drafts = store::DraftRepo(c).List(actor.user.id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return drafts;
}

Status DeleteDraft(const Services& s, const Actor& actor, const std::string& key) {
  CASEWORK_RETURN_IF_ERROR(CheckDraftKey(key));
  bool deleted = false;
  Status st = s.db.Write([&](store::Connection& c) {
    deleted = store::DraftRepo(c).Delete(actor.user.id, key);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (!deleted) return Status::NotFound("you have no draft called " + key);
  return Status::Ok();
}

}  // namespace casework::app
