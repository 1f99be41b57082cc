#include "app/verify.h"

#include "app/audit.h"
#include "app/journal_writer.h"
#include "store/access_log_repo.h"
#include "store/journal_repo.h"

namespace casework::app {
namespace {

// Walks one chain of (seq, id, prev_hash, hash, recomputed hash) in order and returns the
// first break, if any.
class ChainCheck {
 public:
  ChainCheck(std::string log, std::string chain) : log_(std::move(log)), chain_(std::move(chain)) {}

  // False once a break is found, to stop the walk.
  bool Visit(int64_t seq, const std::string& id, const std::string& prev_hash, const std::string& hash,
             const std::string& recomputed) {
    if (seq != last_seq_ + 1) {
      return Break(last_seq_ + 1, "", "item " + std::to_string(last_seq_ + 1) + " is missing");
    }
    if (prev_hash != last_hash_) return Break(seq, id, "does not follow the item before it (previous hash differs)");
    if (recomputed != hash) return Break(seq, id, "has been altered since it was written (its hash does not match)");
    last_seq_ = seq;
    last_hash_ = hash;
    return true;
  }

  void Finish(const std::optional<store::ChainHead>& head) {
    if (found_ || !head) return;
    if (head->seq != last_seq_ || head->hash != last_hash_) {
      Break(last_seq_ + 1, "", "the chain ends at item " + std::to_string(last_seq_) + " but should end at item " +
                                   std::to_string(head->seq) + ": later items were removed");
    }
  }

  const std::optional<ChainBreak>& found() const { return found_; }

 private:
  bool Break(int64_t seq, const std::string& id, const std::string& problem) {
    found_ = ChainBreak{log_, chain_, seq, id, problem};
    return false;
  }

  std::string log_;
  std::string chain_;
  int64_t last_seq_ = 0;
  std::string last_hash_;
  std::optional<ChainBreak> found_;
};

// Every access log chain held in db.
Status VerifyAccessLog(store::Database& db, VerifyReport& report) {
  VerifyReport found;
  Status st = db.Read([&](store::Connection& c) {
    found = {};
    store::AccessLogRepo log(c);
    for (const std::string& chain : log.Chains()) {
      ++found.access_chains;
      ChainCheck check("access log", chain);
      log.ForEach(chain, [&](const AccessEvent& e) {
        ++found.access_events;
        return check.Visit(e.seq, e.id, e.prev_hash, e.hash, EventHash(e));
      });
      check.Finish(log.Head(chain));
      if (check.found()) found.breaks.push_back(*check.found());
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  report.access_chains += found.access_chains;
  report.access_events += found.access_events;
  report.breaks.insert(report.breaks.end(), found.breaks.begin(), found.breaks.end());
  return Status::Ok();
}

}  // namespace

Result<VerifyReport> VerifyAll(const Services& s) {
  VerifyReport report;
  Status st = s.db.Read([&](store::Connection& c) {
    report = {};
    store::JournalRepo journal(c);
    for (const std::string& record : journal.RecordIds()) {
      ++report.records;
      ChainCheck check("journal", record);
      journal.ForEach(record, [&](const JournalItem& item) {
        ++report.items;
        return check.Visit(item.seq, item.id, item.prev_hash, item.hash, ItemHash(item));
      });
      check.Finish(journal.Head(record));
      if (check.found()) report.breaks.push_back(*check.found());
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  CASEWORK_RETURN_IF_ERROR(VerifyAccessLog(s.db, report));
  // On SQLite the lines written alone are in the access log file, with chains of their own.
  if (&s.access_log_db != &s.db) CASEWORK_RETURN_IF_ERROR(VerifyAccessLog(s.access_log_db, report));
  return report;
}

}  // namespace casework::app
