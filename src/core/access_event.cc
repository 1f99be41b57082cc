#include "core/access_event.h"

#include "core/canonical_fields.h"

namespace casework {

std::string AccessEvent::CanonicalBytes() const {
  std::string out;
  out.reserve(160 + chain.size() + id.size() + user_id.size() + username.size() + client_address.size() +
              action.size() + record_id.size() + outcome.size() + basis.size() + detail.size() + prev_hash.size());
  out += "casework-access-1;";
  canonical::Put(out, chain);
  canonical::Put(out, seq);
  canonical::Put(out, id);
  canonical::Put(out, at);
  for (const std::string* field : {&user_id, &username, &client_address, &action, &record_id, &outcome, &basis,
                                   &detail, &prev_hash}) {
    canonical::Put(out, *field);
  }
  return out;
}

}  // namespace casework
