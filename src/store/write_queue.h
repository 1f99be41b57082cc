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
  // A unit of work and whom to tell when its batch is finished. Either a caller waiting in
  // Submit, with the work on its stack and its own signal to wake it (wake_signal.h), so
  // finishing a batch wakes the callers in it and no one else; or one handed over with
  // SubmitThen, which the queue owns with its work and whose done it calls.
  struct Job {
    Job(const Work* w, WakeSignal* f) : work(w), finished(f) {}
    Job(Work w, WriteDone d, SentAhead a = {})
        : owned_work(std::move(w)), work(&owned_work), done(std::move(d)), ahead(std::move(a)) {}
    Work owned_work;
    const Work* work;
    Status status = Status::Ok();
    WakeSignal* finished = nullptr;
    WriteDone done;
    SentAhead ahead;  // what the unit sends first, if it says (empty send: it does not)
  };

  // Queues work and waits until the writer has finished with it; returns the Status it set.
  Status Submit(const Work& work);
  // Queues work and returns; the writer calls done with its Status once its batch is finished.
  // Once Stop has been called, done is told at once that the database is closing.
  void SubmitThen(Work work, WriteDone done, SentAhead ahead = {});
  // For the writer: waits for work, then takes up to max jobs in the order they came. Empty
  // once Stop has been called and every job queued before it taken.
  std::vector<Job*> Take(size_t max);
  // For the writer: the jobs taken are finished (committed, or their failure set), so their
  // callers may go on, and the jobs handed over are told and let go.
  void Finish(const std::vector<Job*>& batch);
  void Stop();

 private:
  void Queue(Job* job);

  std::mutex mu_;
  std::condition_variable work_ready_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
};

}  // namespace casework::store
