// Wakes one waiting thread once, for the hand-back of a unit of work from the writer thread to
// the thread that asked for it. Waiting and waking cost at most one futex call each, and
// waking costs none when the waiter has not gone to sleep yet. A mutex and condition variable
// per unit of work cost more: the writer signalled while holding the mutex (the waiter's job
// lives on its stack), so the woken waiter often blocked again at once on that mutex, and
// the writer woke it a second time on unlocking.
//
// Fire may make its system call just after the waiter has seen it fired and gone on, so a
// signal must outlive its waits: each waiting thread keeps one of its own (ForThisThread).
#pragma once

#include <atomic>
#include <cstdint>

namespace casework::store {

class WakeSignal {
 public:
  // The calling thread's own signal, which lives as long as the thread.
  static WakeSignal& ForThisThread();

  // For the waiter, before the one who will fire it can see it.
  void Arm() { state_.store(kArmed, std::memory_order_relaxed); }
  // For the waiter: returns once Fire has been called after Arm. What the firing thread wrote
  // before Fire is visible after Wait.
  void Wait();
  // Wakes the waiter, or lets it go on without sleeping if it has not slept yet.
  void Fire();

 private:
  static constexpr uint32_t kArmed = 0, kSleeping = 1, kFired = 2;
  std::atomic<uint32_t> state_{kFired};
};

}  // namespace casework::store
