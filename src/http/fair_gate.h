#pragma once
// Admission of requests to their handlers: at most `slots` run at once, the others wait and
// are let in in the order they arrived.
//
// Why: the server keeps a thread per open connection (32 by default), and with every request
// running at once a 2-core machine shares itself among all of them, so that a request of 5 ms
// takes 16 times as long and the slowest set the 99th percentile. Queued in order, a request
// waits for those ahead of it and then runs at full speed: the same throughput, a far shorter
// tail (measured in `make bench`: see docs/web.md).
//
// Thread-safety: all members may be called from any thread.

#include <condition_variable>
#include <deque>
#include <mutex>

namespace sg {

class FairGate {
 public:
  // REQUIRES: slots >= 1.
  explicit FairGate(int slots);
  FairGate(const FairGate&) = delete;
  FairGate& operator=(const FairGate&) = delete;

  // Waits for a slot (first come, first served).
  void Enter();
  // Gives the slot back, to the longest waiter if there is one.
  void Leave();
  // How many are waiting now (for tests and metrics).
  int waiting() const;

  // Enter() on construction, Leave() on destruction.
  class Pass {
   public:
    explicit Pass(FairGate* gate) : gate_(gate) {
      if (gate_) gate_->Enter();
    }
    ~Pass() {
      if (gate_) gate_->Leave();
    }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    FairGate* gate_;
  };

 private:
  struct Waiter {
    std::condition_variable cv;
    bool admitted = false;
  };
  mutable std::mutex mu_;
  int free_;                     // guarded by mu_
  std::deque<Waiter*> waiting_;  // guarded by mu_; each lives on its waiting thread's stack
};

}  // namespace sg
