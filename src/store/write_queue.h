// The hand-over between the threads that ask for writes and the one writer thread that runs
// them in batches, each batch committed at once (group commit).
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "store/database.h"

namespace casework::store {

class WriteQueue {
 public:
  // A caller's unit of work, on the caller's stack. Each caller waits on its own condition,
  // so finishing a batch wakes the callers in it and no one else (one shared condition woke
  // every waiting caller, those queued for the next batch too, to find it was not theirs).
  struct Job {
    explicit Job(const Work* w) : work(w) {}
    const Work* work;
    Status status = Status::Ok();
    std::mutex mu;
    std::condition_variable finished;
    bool done = false;
  };

  // Queues work and waits until the writer has finished with it; returns the Status it set.
  Status Submit(const Work& work);
  // For the writer: waits for work, then takes up to max jobs in the order they came. Empty
  // once Stop has been called and every job queued before it taken.
  std::vector<Job*> Take(size_t max);
  // For the writer: the jobs taken are finished, so their callers may go on.
  void Finish(const std::vector<Job*>& batch);
  void Stop();

 private:
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
};

}  // namespace casework::store
