#include "demo/entry_pool.h"

#include "app/domain_json.h"
#include "demo/names.h"
#include "demo/stories.h"

namespace casework::demo {
namespace {

// Placeholders that a story never writes itself, and the fixed date and time that stand for
// the real ones until Fill().
constexpr char kChild[] = "{c}";
constexpr char kMother[] = "{m}";
constexpr char kWorker[] = "{w}";
const Timestamp kOccurredStandIn = LondonMidnight(Date{date::year{2001}, date::January, date::day{1}});
const Date kDueStandIn{date::year{2001}, date::February, date::day{2}};

void ReplaceAll(std::string& text, std::string_view key, std::string_view value) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size())) {
    text.replace(at, key.size(), value);
  }
}

}  // namespace

EntryPool::EntryPool(Rng& rng, int size) : by_type_(4) {
  for (int type = 0; type < 4; ++type) {
    for (int i = 0; i < size; ++i) {
      StoryContext ctx{kChild, rng.Between(0, 17), kMother, rng.Pick(Schools()), kWorker, "{mgr}", "Team Manager"};
      Entry e = LaterEntry(rng, ctx, kOccurredStandIn, static_cast<EntryType>(type));
      if (e.decision) {
        e.decision->decided_by = "Team Manager";
        e.decision->review_date = kDueStandIn;
      }
      if (e.contact) {
        for (Action& a : e.contact->actions) a.due = kDueStandIn;
      }
      std::string agency;
      for (const Participant& p : e.contact ? e.contact->participants : std::vector<Participant>{}) {
        if (agency.empty() && !p.agency.empty() && p.agency != "Children's Social Care") agency = p.agency;
      }
      PooledEntry p{e.type,
                    e.significant,
                    e.decision.has_value(),
                    e.contact && !e.contact->actions.empty(),
                    e.title.empty() ? e.text.substr(0, e.text.find('\n')).substr(0, 200) : e.title,
                    agency,
                    app::EntryText(e)};
      by_type_[static_cast<size_t>(type)].push_back(std::move(p));
    }
  }
}

const PooledEntry& EntryPool::Pick(Rng& rng, EntryType type) const {
  return rng.Pick(by_type_[static_cast<size_t>(type)]);
}

std::string EntryPool::Fill(const PooledEntry& entry, const std::string& child, const std::string& mother,
                            const std::string& worker, const std::string& occurred_at, const std::string& due_date) {
  static const std::string occurred = FormatTimestamp(kOccurredStandIn);
  static const std::string due = FormatDate(kDueStandIn);
  std::string body = entry.body;
  ReplaceAll(body, occurred, occurred_at);
  if (entry.has_review || entry.has_action) ReplaceAll(body, due, due_date);
  ReplaceAll(body, kChild, child);
  ReplaceAll(body, kMother, mother);
  ReplaceAll(body, kWorker, worker);
  return body;
}

std::string EntryPool::Summary(const PooledEntry& entry, const std::string& child, const std::string& mother) {
  std::string summary = entry.summary;
  ReplaceAll(summary, kChild, child);
  ReplaceAll(summary, kMother, mother);
  return summary;
}

}  // namespace casework::demo
