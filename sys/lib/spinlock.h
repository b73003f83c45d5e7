#pragma once
#include <stdint.h>

namespace klib {

// Interrupt state hooks: the kernel disables interrupts while a spinlock is
// held (so an interrupt handler can never spin on a lock its own CPU holds);
// host builds have no interrupts.
struct InterruptState {
    bool were_enabled;
};
InterruptState interrupts_save_and_disable();
void interrupts_restore(InterruptState);

// A test-and-test-and-set lock. Take it only through SpinlockGuard.
class Spinlock {
public:
    Spinlock() = default;
    Spinlock(const Spinlock&) = delete;
    Spinlock& operator=(const Spinlock&) = delete;

    bool is_locked() const { return __atomic_load_n(&locked_, __ATOMIC_RELAXED); }

private:
    friend class SpinlockGuard;
    void lock()
    {
        while (__atomic_exchange_n(&locked_, true, __ATOMIC_ACQUIRE)) {
            while (__atomic_load_n(&locked_, __ATOMIC_RELAXED))
                __builtin_ia32_pause();
        }
    }
    void unlock() { __atomic_store_n(&locked_, false, __ATOMIC_RELEASE); }

    bool locked_ { false };
};

class [[nodiscard]] SpinlockGuard {
public:
    explicit SpinlockGuard(Spinlock& lock) : lock_(lock), state_(interrupts_save_and_disable()) { lock_.lock(); }
    ~SpinlockGuard()
    {
        lock_.unlock();
        interrupts_restore(state_);
    }
    SpinlockGuard(const SpinlockGuard&) = delete;
    SpinlockGuard& operator=(const SpinlockGuard&) = delete;

private:
    Spinlock& lock_;
    InterruptState state_;
};

} // namespace klib
