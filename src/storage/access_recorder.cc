#include "storage/access_recorder.h"

#include <utility>

namespace sg {

Status AccessRecorder::Record(std::vector<AccessEntry> entries) {
  if (entries.empty()) return Status::Ok();
  std::unique_lock<std::mutex> lock(mu_);
  const std::uint64_t ticket = ++issued_;
  for (AccessEntry& e : entries) pending_.push_back(std::move(e));
  while (done_ < ticket) {
    if (writing_) {
      cv_.wait(lock);
      continue;
    }
    // Lead: write everything pending (this thread's entries and any that gathered).
    writing_ = true;
    std::vector<AccessEntry> batch = std::move(pending_);
    pending_.clear();
    const std::uint64_t from = done_;
    const std::uint64_t upto = issued_;
    lock.unlock();
    Status s = store_.AppendAccess(batch);
    lock.lock();
    writing_ = false;
    done_ = upto;
    ++batches_;
    if (!s.ok()) {
      failures_.push_back({from, upto, s});
      while (failures_.size() > 64) failures_.pop_front();
    }
    cv_.notify_all();
  }
  for (const Failure& f : failures_) {
    if (ticket > f.from && ticket <= f.upto) return f.status;
  }
  return Status::Ok();
}

std::uint64_t AccessRecorder::batches() const {
  std::lock_guard<std::mutex> lock(mu_);
  return batches_;
}

}  // namespace sg
