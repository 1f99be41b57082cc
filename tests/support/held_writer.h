// Keeps a database's writer busy with a unit of its own until Release, so that everything
// handed to it meanwhile waits and then goes in one batch together.
#pragma once

#include <condition_variable>
#include <mutex>
#include <thread>

#include "store/database.h"

namespace casework::testing {

class HeldWriter {
 public:
  explicit HeldWriter(store::Database& db) {
    thread_ = std::thread([this, &db] {
      db.Write([this](store::Connection&) {
        std::unique_lock lock(mu_);
        running_ = true;
        changed_.notify_all();
        changed_.wait(lock, [&] { return released_; });
        return Status::Ok();
      });
    });
    std::unique_lock lock(mu_);
    changed_.wait(lock, [&] { return running_; });
  }
  ~HeldWriter() { Release(); }
  HeldWriter(const HeldWriter&) = delete;
  HeldWriter& operator=(const HeldWriter&) = delete;

  void Release() {
    {
      std::lock_guard lock(mu_);
      released_ = true;
    }
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  bool running_ = false, released_ = false;
  std::thread thread_;
};

}  // namespace casework::testing
