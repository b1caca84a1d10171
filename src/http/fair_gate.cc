#include "http/fair_gate.h"

namespace sg {

FairGate::FairGate(int slots) : free_(slots < 1 ? 1 : slots) {}

void FairGate::Enter() {
  std::unique_lock<std::mutex> lock(mu_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return;
  }
  Waiter w;
  waiting_.push_back(&w);
  w.cv.wait(lock, [&] { return w.admitted; });
}

void FairGate::Leave() {
  std::lock_guard<std::mutex> lock(mu_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  // The slot passes straight to the first waiter: nobody arriving meanwhile can take it.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;
  next->cv.notify_one();
}

int FairGate::waiting() const {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<int>(waiting_.size());
}

}  // namespace sg
