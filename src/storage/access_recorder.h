#pragma once
// Writes access-log entries for many threads in few transactions (group commit): a thread's
// Record returns once its entries are committed, and while one thread writes a batch, the
// entries of the threads that arrive meanwhile gather into the next one. So every read of a
// child's record is logged before the reply leaves, at the cost of one commit per batch rather
// than one per request.
//
// Thread-safety: Record may be called from any number of threads.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "storage/store.h"

namespace sg {

class AccessRecorder {
 public:
  // REQUIRES: `store` outlives the recorder.
  explicit AccessRecorder(Store& store) : store_(store) {}

  // Appends `entries` (in order) and returns when they are committed, or the error that kept
  // them out of the log.
  Status Record(std::vector<AccessEntry> entries);

  // Batches written so far (for tests and /metrics).
  std::uint64_t batches() const;

 private:
  struct Failure {
    std::uint64_t from = 0;  // the failed batch held tickets (from, upto]
    std::uint64_t upto = 0;
    Status status;
  };

  Store& store_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<AccessEntry> pending_;
  std::uint64_t issued_ = 0;  // tickets handed out, one per Record call
  std::uint64_t done_ = 0;    // tickets written or failed
  bool writing_ = false;
  std::uint64_t batches_ = 0;
  std::deque<Failure> failures_;  // the most recent failed batches
};

}  // namespace sg
