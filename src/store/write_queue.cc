#include "store/write_queue.h"

#include <memory>

namespace casework::store {

void WriteQueue::Queue(Job* job) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back(job);
  }
  work_ready_.notify_one();
}

Status WriteQueue::Submit(const Work& work) {
  WakeSignal& finished = WakeSignal::ForThisThread();
  finished.Arm();
  Job job(&work, &finished);
  Queue(&job);
  finished.Wait();
  return job.status;
}

void WriteQueue::SubmitThen(Work work, WriteDone done, SentAhead ahead) {
  auto job = std::make_unique<Job>(std::move(work), std::move(done), std::move(ahead));
  {
    std::lock_guard lock(mu_);
    // The writer may have taken its last batch already; the job would never run.
    if (!stopping_) {
      queue_.push_back(job.release());
    }
  }
  if (job) return job->done(Status(StatusCode::kUnavailable, "the database is closing; try again"));
  work_ready_.notify_one();
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
    if (job->finished) {
      // Once fired, a job may leave its caller's stack at any moment: it is not touched again.
      job->finished->Fire();
      continue;
    }
    std::unique_ptr<Job> handed_over(job);
    try {
      handed_over->done(std::move(handed_over->status));
    } catch (...) {
      // done must not throw; should it, the writer goes on with the rest of the batch.
    }
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
