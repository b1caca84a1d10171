#include "http/fair_gate.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace sg {
namespace {

void WaitUntil(const std::function<bool()>& done) {
  for (int i = 0; i < 5000 && !done(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_TRUE(done());
}

TEST(FairGate, AdmitsAtMostItsSlots) {
  FairGate gate(2);
  std::atomic<int> inside{0}, most{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        FairGate::Pass pass(&gate);
        const int now = ++inside;
        int seen = most.load();
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        --inside;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_LE(most.load(), 2);
  EXPECT_GE(most.load(), 1);
  EXPECT_EQ(gate.waiting(), 0);
}

TEST(FairGate, LetsWaitersInInTheOrderTheyCame) {
  FairGate gate(1);
  gate.Enter();  // the one slot is taken: everyone else queues
  std::mutex mu;
  std::vector<int> order;
  std::vector<std::thread> threads;
  for (int t = 0; t < 5; ++t) {
    threads.emplace_back([&, t] {
      FairGate::Pass pass(&gate);
      std::lock_guard<std::mutex> lock(mu);
      order.push_back(t);
    });
    WaitUntil([&] { return gate.waiting() == t + 1; });  // queued before the next one starts
  }
  gate.Leave();
  for (auto& t : threads) t.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  // The slot came back: it can be taken again at once.
  gate.Enter();
  EXPECT_EQ(gate.waiting(), 0);
  gate.Leave();
}

}  // namespace
}  // namespace sg
