#include "core/access_event.h"

namespace casework {

std::string AccessEvent::CanonicalBytes() const {
  std::string out = "casework-access-1;";
  for (const std::string& field : {chain, std::to_string(seq), id, FormatTimestamp(at), user_id, username,
                                   client_address, action, record_id, outcome, basis, detail, prev_hash}) {
    out += std::to_string(field.size());
    out += ':';
    out += field;
    out += ';';
  }
  return out;
}

}  // namespace casework
