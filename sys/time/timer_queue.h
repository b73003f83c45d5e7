#pragma once
// Callbacks due at a deadline on the monotonic clock, once or periodically,
// kept in one list ordered by deadline so the timer interrupt looks at the
// first entry only. The queue knows nothing of clocks or interrupts (the
// caller passes the time and serialises the calls), so host tests can run
// it; the kernel's own queue is in time/timers.h.
#include <stdint.h>

#include "lib/intrusive_list.h"

namespace ktime {

class Timer {
public:
    using Callback = void (*)(void* context);

    Timer(Callback callback, void* context) : callback_(callback), context_(context) {}
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;
    // The queue holds no ownership: an armed timer must be cancelled before
    // it is destroyed.
    ~Timer() { KASSERT(!is_armed()); }

    bool is_armed() const { return node.is_linked(); }
    uint64_t deadline_ns() const { return deadline_ns_; }
    uint64_t period_ns() const { return period_ns_; }

    klib::IntrusiveListNode node; // the queue's list

private:
    friend class TimerQueue;
    Callback callback_;
    void* context_;
    uint64_t deadline_ns_ { 0 };
    uint64_t period_ns_ { 0 };
};

class TimerQueue {
public:
    TimerQueue() = default;
    TimerQueue(const TimerQueue&) = delete;
    TimerQueue& operator=(const TimerQueue&) = delete;

    // (Re)arms `timer`: first due `delay_ns` after `now_ns`, then every
    // `period_ns` (0: once). Far deadlines saturate instead of wrapping.
    // Timers due at the same time run in the order they were armed.
    void arm(Timer&, uint64_t now_ns, uint64_t delay_ns, uint64_t period_ns);
    // Whether it was armed.
    bool cancel(Timer&);
    // Runs the callback of every timer due at `now_ns`, earliest first, each
    // at most once: what the callbacks arm waits for the next pass. A
    // periodic timer is re-armed before its callback runs (so the callback
    // may cancel or re-arm it) at its first deadline after `now_ns`, on its
    // original phase: periods missed by a late run are skipped, not run in a
    // burst. A callback may arm and cancel any timer (one due in this pass
    // and cancelled before its turn does not run); the queue does not touch
    // a timer after its callback returns. Returns the callbacks run.
    size_t run_due(uint64_t now_ns);

    // The earliest deadline; UINT64_MAX when nothing is armed.
    uint64_t next_deadline() const;
    bool is_empty() const { return list_.is_empty(); }
    size_t size() const { return list_.size(); }

private:
    void insert(Timer&);

    klib::IntrusiveList<Timer, &Timer::node> list_;
};

} // namespace ktime
