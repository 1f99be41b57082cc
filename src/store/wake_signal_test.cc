#include "store/wake_signal.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace casework::store {
namespace {

TEST(WakeSignal, FiredBeforeTheWaitDoesNotSleep) {
  WakeSignal& signal = WakeSignal::ForThisThread();
  signal.Arm();
  signal.Fire();
  signal.Wait();  // returns at once; a lost wake-up would hang the test
}

// The writer thread's hand-back, many times over: each round the waiter arms its own signal,
// hands it over, and must see what the other thread wrote before firing it, whether it
// slept or not.
TEST(WakeSignal, WakesItsWaiterWithWhatWasWrittenBeforeEachTime) {
  constexpr int kRounds = 20000;
  std::atomic<WakeSignal*> handed{nullptr};
  std::vector<int> written(kRounds, 0);
  std::thread firer([&] {
    for (int round = 0; round < kRounds; ++round) {
      WakeSignal* signal;
      while ((signal = handed.exchange(nullptr, std::memory_order_acquire)) == nullptr) std::this_thread::yield();
      written[round] = round + 1;
      signal->Fire();
    }
  });
  WakeSignal& mine = WakeSignal::ForThisThread();
  for (int round = 0; round < kRounds; ++round) {
    mine.Arm();
    handed.store(&mine, std::memory_order_release);
    mine.Wait();
    ASSERT_EQ(written[round], round + 1);
  }
  firer.join();
}

TEST(WakeSignal, EachThreadHasItsOwn) {
  WakeSignal* other = nullptr;
  std::thread([&] { other = &WakeSignal::ForThisThread(); }).join();
  EXPECT_NE(other, &WakeSignal::ForThisThread());
}

}  // namespace
}  // namespace casework::store
