#include "core/journal_item.h"

namespace casework {
namespace {

void Put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += ';';
}

}  // namespace

std::string JournalItem::CanonicalBytes() const {
  std::string out = "casework-journal-1;";
  out.reserve(out.size() + body.size() + 256);
  Put(out, record_id);
  Put(out, std::to_string(seq));
  Put(out, id);
  Put(out, kind);
  Put(out, author_user_id);
  Put(out, author_name);
  Put(out, author_post_title);
  Put(out, FormatTimestamp(recorded_at));
  Put(out, occurred_at ? FormatTimestamp(*occurred_at) : std::string());
  Put(out, late ? "1" : "0");
  Put(out, target_id);
  Put(out, body);
  Put(out, prev_hash);
  return out;
}

}  // namespace casework
