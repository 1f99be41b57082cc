// What practitioners write about a child: referrals, visits with the child's own words,
// contacts with other agencies, decisions with their reasons, and everyday case notes,
// varied in length and tone the way real records are.
#pragma once

#include <string>

#include "core/entry.h"
#include "demo/demo_random.h"

namespace casework::demo {

struct StoryContext {
  std::string child;   // given name
  int age = 0;         // years
  std::string mother;  // given name
  std::string school;
  std::string worker;  // full name of the allocated worker
  std::string manager, manager_title;
};

// The contact that brought the family to the service.
Entry Referral(Rng& rng, const StoryContext& ctx, Timestamp at);
// The manager's decision on what happens next.
Entry FirstDecision(Rng& rng, const StoryContext& ctx, Timestamp at);
// Any later entry of the given type.
Entry LaterEntry(Rng& rng, const StoryContext& ctx, Timestamp at, EntryType type);
// A replacement for an entry found to be wrong, with the reason.
Entry Corrected(Rng& rng, Entry original);

}  // namespace casework::demo
