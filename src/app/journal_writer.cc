#include "app/journal_writer.h"

#include <boost/json/serialize.hpp>

#include "core/entry_rules.h"
#include "crypto/crypto.h"
#include "store/journal_repo.h"

namespace casework::app {

ItemBody::ItemBody(const boost::json::object& document) : text(boost::json::serialize(document)) {}

std::string ItemHash(const JournalItem& item) { return crypto::HashHex(item.CanonicalBytes()); }

JournalItem AppendItem(store::Connection& c, const Services& s, const Actor& actor, ItemDraft draft) {
  store::JournalRepo journal(c);
  store::ChainHead head = journal.ReserveNext(draft.record_id);
  JournalItem item;
  item.record_id = std::move(draft.record_id);
  item.seq = head.seq + 1;
  item.id = s.ids.Next();
  item.kind = std::move(draft.kind);
  item.author_user_id = actor.user.id;
  item.author_name = actor.user.full_name;
  item.author_post_title = actor.user.post_title;
  item.recorded_at = s.clock.Now();
  item.occurred_at = draft.occurred_at;
  item.late = draft.judge_lateness && draft.occurred_at &&
              IsLateEntry(*draft.occurred_at, item.recorded_at, s.settings.contemporaneous_window);
  item.target_id = std::move(draft.target_id);
  item.body = std::move(draft.body.text);
  item.prev_hash = head.hash;
  item.hash = ItemHash(item);
  journal.Insert(item);
  return item;
}

}  // namespace casework::app
