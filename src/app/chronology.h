// A child's chronology of significant events (CHR-01): entries marked significant and what
// partner agencies contributed, in the order the events happened, each with its source agency
// and author. Read a page at a time, or whole (up to kMaxChronologyPage events) for a
// conference or court.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "app/actor.h"
#include "app/services.h"
#include "store/chronology_repo.h"

namespace casework::app {

inline constexpr int kMaxChronologyPage = 10000;

struct ChronologyQuery {
  std::string after;  // the item id the previous page ended with; empty for the start
  int limit = 100;
};

// Receives a page's visible events as they are read, inside the read of the record, so that the
// JSON of a whole chronology is written without a copy of each event. begin comes before the
// first event, and again if the read has to start over (after a collision, on PostgreSQL):
// whatever came before it is void.
struct ChronologySink {
  std::function<void()> begin;
  std::function<void(const store::ChronologyRow&)> event;
};

// Where a page ended.
struct ChronologyPageEnd {
  bool more = false;
  std::string next_after;  // where the next page starts, when there is more
};

Result<ChronologyPageEnd> ReadChronology(const Services& s, const Actor& actor, const std::string& record_id,
                                         const ChronologyQuery& query, const ChronologySink& sink);

// The whole chronology at once, for export to a conference or court (CHR-02), with who it is
// about; logged as an export.
struct ChronologyExport {
  std::string display_name;
  std::string council_reference;
  std::vector<store::ChronologyRow> events;
};
Result<ChronologyExport> ExportChronology(const Services& s, const Actor& actor, const std::string& record_id);

}  // namespace casework::app
