#include "store/write_queue.h"

namespace casework::store {

Status WriteQueue::Submit(const Work& work) {
  WakeSignal& finished = WakeSignal::ForThisThread();
  finished.Arm();
  Job job(&work, &finished);
  {
    std::lock_guard lock(mu_);
    queue_.push_back(&job);
  }
  work_ready_.notify_one();
  finished.Wait();
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
  // Once fired, a job may leave its caller's stack at any moment: it is not touched again.
  for (Job* job : batch) job->finished->Fire();
}

void WriteQueue::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_one();
}

}  // namespace casework::store
