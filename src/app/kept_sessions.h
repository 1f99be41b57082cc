// Sessions kept between requests, so that a request whose use case reads its session again
// inside its own unit of work (DecideRecordAccess does) need not read it first in a
// transaction of its own: on a database server, one transaction and one round trip fewer.
//
// Nothing is trusted because it is kept. A kept session only lets the request start: the use
// case reads the session's version in the same snapshot as everything it decides and shows,
// and goes on only if it is the version kept and the session has not timed out. Every change to
// the session (but its activity) or to its user moves the version, by triggers in the database
// (migrations 0017 and 0019), whoever makes it, in place or by writing the row anew; so a session ended, timed out or whose user changed or
// was disabled is refused on the very next request, as when it was read first (SEC-02). When the check fails the HTTP layer forgets the kept session and serves the
// request again with the session read afresh.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/user.h"

namespace casework::app {

struct KeptSession {
  Session session;
  User user;
  int64_t version = 0;  // the session's, read with it
};

class KeptSessions {
 public:
  // Sessions beyond this many are forgotten all at once; they are read again when next used.
  static constexpr size_t kMaxKept = 20000;

  std::shared_ptr<const KeptSession> Find(const std::string& token_hash) const;
  void Keep(const std::string& token_hash, Session session, User user, int64_t version);
  void Forget(const std::string& token_hash);

 private:
  mutable std::mutex mu_;
  std::unordered_map<std::string, std::shared_ptr<const KeptSession>> kept_;
};

}  // namespace casework::app
