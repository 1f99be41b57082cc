#include "store/write_queue.h"

namespace casework::store {

Status WriteQueue::Submit(const Work& work) {
  Job job(&work);
  {
    std::lock_guard lock(mu_);
    queue_.push_back(&job);
  }
  work_ready_.notify_one();
  std::unique_lock lock(job.mu);
  job.finished.wait(lock, [&] { return job.done; });
  return job.status;
}

std::vector<WriteQueue::Job*> WriteQueue::Take(size_t max) {
  std::vector<Job*> batch;
  std::unique_lock lock(mu_);
  work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
  while (!queue_.empty() && batch.size() < max) {
    batch.push_back(queue_.front());
    queue_.pop_front();
  }
  return batch;
}

void WriteQueue::Finish(const std::vector<Job*>& batch) {
  for (Job* job : batch) {
    // Notified while its lock is held: the caller cannot see done, return and take the job
    // off its stack until this is finished with it.
    std::lock_guard lock(job->mu);
    job->done = true;
    job->finished.notify_one();
  }
}

void WriteQueue::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_one();
}

}  // namespace casework::store
