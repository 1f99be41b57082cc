#include "core/journal_item.h"

#include "core/canonical_fields.h"

namespace casework {

std::string JournalItem::CanonicalBytes() const {
  std::string out;
  out.reserve(240 + record_id.size() + id.size() + kind.size() + author_user_id.size() + author_name.size() +
              author_post_title.size() + target_id.size() + body.size() + prev_hash.size());
  out += "casework-journal-1;";
  canonical::Put(out, record_id);
  canonical::Put(out, seq);
  canonical::Put(out, id);
  canonical::Put(out, kind);
  canonical::Put(out, author_user_id);
  canonical::Put(out, author_name);
  canonical::Put(out, author_post_title);
  canonical::Put(out, recorded_at);
  if (occurred_at) canonical::Put(out, *occurred_at);
  else canonical::Put(out, std::string_view());
  canonical::Put(out, late ? "1" : "0");
  canonical::Put(out, target_id);
  canonical::Put(out, body);
  canonical::Put(out, prev_hash);
  return out;
}

}  // namespace casework
