#include "http/recorded_item_text.h"

#include "core/json_text.h"

namespace casework::http {

std::string RecordedItemText(const JournalItem& item, const std::vector<std::string>& undefined_acronyms) {
  JsonText out(512 + item.body.size());
  out.Raw("{").Key("item", true).Raw("{");
  out.Key("id", true).String(item.id);
  out.Key("record_id").String(item.record_id);
  out.Key("seq").Int(item.seq);
  out.Key("kind").String(item.kind);
  out.Key("author").Raw("{");
  out.Key("user_id", true).String(item.author_user_id);
  out.Key("name").String(item.author_name);
  out.Key("post_title").String(item.author_post_title);
  out.Raw("}");
  out.Key("recorded_at").Time(item.recorded_at);
  out.Key("occurred_at");
  if (item.occurred_at) out.Time(*item.occurred_at);
  else out.Null();
  out.Key("late_entry").Bool(item.late);
  out.Key("target_id");
  if (item.target_id.empty()) out.Null();
  else out.String(item.target_id);
  out.Key("hash").String(item.hash);
  out.Key("body").Raw(item.body);
  out.Raw("}").Key("undefined_acronyms").Raw("[");
  for (size_t i = 0; i < undefined_acronyms.size(); ++i) {
    if (i) out.Raw(",");
    out.String(undefined_acronyms[i]);
  }
  out.Raw("]}");
  return out.Take();
}

}  // namespace casework::http
