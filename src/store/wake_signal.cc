#include "store/wake_signal.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace casework::store {
namespace {

// Private futexes: the word is never shared with another process.
void FutexWait(std::atomic<uint32_t>& word, uint32_t expected) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAIT_PRIVATE, expected, nullptr, nullptr, 0);
}

void FutexWakeOne(std::atomic<uint32_t>& word) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(&word), FUTEX_WAKE_PRIVATE, 1, nullptr, nullptr, 0);
}

}  // namespace

WakeSignal& WakeSignal::ForThisThread() {
  thread_local WakeSignal signal;
  return signal;
}

void WakeSignal::Wait() {
  uint32_t armed = kArmed;
  // Fired already (the compare fails): nothing to sleep for.
  if (!state_.compare_exchange_strong(armed, kSleeping, std::memory_order_acquire)) return;
  // The kernel sleeps only while the word still says sleeping; a wake-up with the word
  // unchanged (a signal, say) goes round again.
  while (state_.load(std::memory_order_acquire) == kSleeping) FutexWait(state_, kSleeping);
}

void WakeSignal::Fire() {
  if (state_.exchange(kFired, std::memory_order_acq_rel) == kSleeping) FutexWakeOne(state_);
}

}  // namespace casework::store
