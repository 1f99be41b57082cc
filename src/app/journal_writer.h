// Appending to a record's journal: the one place items are stamped with their author, time,
// sequence number and hash (ENT-01, ENT-06). Runs inside the caller's unit of work, so the
// item and the state change it describes commit together or not at all.
#pragma once

#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "app/actor.h"
#include "app/services.h"
#include "core/journal_item.h"

namespace casework::app {

// An item's body, as the JSON text that is stored and hashed: serialised from a document, or
// written as text already (an entry's, by EntryText, before its unit of work reaches the
// writer).
struct ItemBody {
  ItemBody(const boost::json::object& document);  // NOLINT: most bodies are built as documents
  static ItemBody Text(std::string json) { return ItemBody(std::move(json)); }

  std::string text;

 private:
  explicit ItemBody(std::string json) : text(std::move(json)) {}
};

struct ItemDraft {
  std::string record_id;
  std::string kind;
  std::optional<Timestamp> occurred_at;
  std::string target_id;
  ItemBody body;
  // Entries about an event are checked against the contemporaneous window (ENT-02).
  bool judge_lateness = false;
};

JournalItem AppendItem(store::Connection& c, const Services& s, const Actor& actor, ItemDraft draft);

// The hash an item must carry: BLAKE2b of its canonical encoding.
std::string ItemHash(const JournalItem& item);

}  // namespace casework::app
