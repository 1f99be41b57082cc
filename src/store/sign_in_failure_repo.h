// Failed sign-ins, counted per subject ("user:<name>" or "address:<ip>") for throttling
// (SEC-03). The access log keeps the lasting record; these rows only need to outlive the
// lockout period.
#pragma once

#include <optional>
#include <string>

#include "core/time.h"
#include "store/database.h"

namespace casework::store {

class SignInFailureRepo {
 public:
  explicit SignInFailureRepo(Connection& c) : c_(c) {}

  void Add(const std::string& subject, Timestamp at);
  int CountSince(const std::string& subject, Timestamp since);
  // The time of the oldest failure counted since `since`, from which the lock runs.
  std::optional<Timestamp> OldestSince(const std::string& subject, Timestamp since);
  void Clear(const std::string& subject);
  void PruneBefore(Timestamp before);

 private:
  Connection& c_;
};

}  // namespace casework::store
