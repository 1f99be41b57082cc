// The hand-over between the threads that ask for writes and the one writer thread that runs
// them in batches, each batch committed at once (group commit).
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <vector>

#include "store/database.h"
#include "store/wake_signal.h"

namespace casework::store {

class WriteQueue {
 public:
  // A caller's unit of work, on the caller's stack, with the caller's own signal to wake it
  // when its batch is finished (wake_signal.h), so finishing a batch wakes the callers in it
  // and no one else.
  struct Job {
    Job(const Work* w, WakeSignal* f) : work(w), finished(f) {}
    const Work* work;
    Status status = Status::Ok();
    WakeSignal* finished;
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
