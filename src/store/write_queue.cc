#include "store/write_queue.h"

namespace casework::store {

Status WriteQueue::Submit(const Work& work) {
  Job job{&work, Status::Ok()};
  std::unique_lock lock(mu_);
  queue_.push_back(&job);
  work_ready_.notify_one();
  work_done_.wait(lock, [&] { return job.done; });
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
  {
    std::lock_guard lock(mu_);
    for (Job* job : batch) job->done = true;
  }
  work_done_.notify_all();
}

void WriteQueue::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_one();
}

}  // namespace casework::store
