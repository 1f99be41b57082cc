#include "app/kept_sessions.h"

namespace casework::app {

std::shared_ptr<const KeptSession> KeptSessions::Find(const std::string& token_hash) const {
  std::lock_guard lock(mu_);
  auto it = kept_.find(token_hash);
  return it == kept_.end() ? nullptr : it->second;
}

void KeptSessions::Keep(const std::string& token_hash, Session session, User user, int64_t version) {
  auto kept = std::make_shared<const KeptSession>(KeptSession{std::move(session), std::move(user), version});
  std::lock_guard lock(mu_);
  if (kept_.size() >= kMaxKept && !kept_.count(token_hash)) kept_.clear();
  kept_[token_hash] = std::move(kept);
}

void KeptSessions::Forget(const std::string& token_hash) {
  std::lock_guard lock(mu_);
  kept_.erase(token_hash);
}

}  // namespace casework::app
