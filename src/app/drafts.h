// Drafts: what a user has typed into a form and not yet recorded, saved to the server as
// they type so that an automatic log out (SEC-02) loses nothing. A draft belongs to one user
// and is never part of a child's record; recording the entry is what puts it there.
#pragma once

#include <string>
#include <vector>

#include "app/actor.h"
#include "app/services.h"
#include "store/draft_repo.h"

namespace casework::app {

// The largest draft kept, in bytes of JSON: far more than any form holds.
inline constexpr size_t kMaxDraftBytes = 256 * 1024;

// Saves draft.content under draft.key for the actor. A draft for a child's record needs the
// right to write to that record, so no one can keep notes on a child they may not work with.
Result<store::Draft> SaveDraft(const Services& s, const Actor& actor, store::Draft draft);
// NotFound when the actor has no draft with that key.
Result<store::Draft> GetDraft(const Services& s, const Actor& actor, const std::string& key);
Result<std::vector<store::Draft>> ListDrafts(const Services& s, const Actor& actor);
Status DeleteDraft(const Services& s, const Actor& actor, const std::string& key);

// Ok when key is 1 to 100 characters of letters, digits, '-', '_' and '.'.
Status CheckDraftKey(const std::string& key);

}  // namespace casework::app
