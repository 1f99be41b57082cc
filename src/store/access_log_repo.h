// The access log table. Like the journal, appending is ReserveNext() then Insert() with a
// hash the caller computed. Each connection appends to its own chain (see
// Connection::audit_chain), so writers never wait for one another here. A connection that
// knows its chain's head (Connection::known_audit_head) appends without reading it back.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/access_event.h"
#include "store/database.h"
#include "store/journal_repo.h"

namespace casework::store {

struct AccessQuery {
  std::string record_id;
  std::string user_id;
  std::string before_id;  // for paging: events older than this one
  int limit = 100;
};

class AccessLogRepo {
 public:
  explicit AccessLogRepo(Connection& c) : c_(c) {}

  ChainHead ReserveNext(const std::string& chain);
  void Insert(const AccessEvent& event);
  // Newest first.
  std::vector<AccessEvent> List(const AccessQuery& query);

  std::vector<std::string> Chains();
  std::optional<ChainHead> Head(const std::string& chain);
  void ForEach(const std::string& chain, const std::function<bool(const AccessEvent&)>& visit);

 private:
  void InsertAfterKnownHead(const AccessEvent& event, const ChainHead& known, const std::string& at);

  Connection& c_;
};

}  // namespace casework::store
