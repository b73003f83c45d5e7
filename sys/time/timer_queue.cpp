#include "time/timer_queue.h"

namespace ktime {

namespace {

uint64_t saturating_add(uint64_t a, uint64_t b) { return b > UINT64_MAX - a ? UINT64_MAX : a + b; }

// The first deadline of a periodic timer after `now_ns`, on the phase of
// `deadline_ns` (which is due: at or before `now_ns`).
uint64_t next_period(uint64_t deadline_ns, uint64_t period_ns, uint64_t now_ns)
{
    uint64_t periods = (now_ns - deadline_ns) / period_ns + 1;
    if (periods > UINT64_MAX / period_ns)
        return UINT64_MAX;
    return saturating_add(deadline_ns, periods * period_ns);
}

} // namespace

void TimerQueue::arm(Timer& timer, uint64_t now_ns, uint64_t delay_ns, uint64_t period_ns)
{
    if (timer.is_armed())
        list_.remove(timer);
    timer.deadline_ns_ = saturating_add(now_ns, delay_ns);
    timer.period_ns_ = period_ns;
    insert(timer);
}

bool TimerQueue::cancel(Timer& timer)
{
    if (!timer.is_armed())
        return false;
    list_.remove(timer);
    return true;
}

size_t TimerQueue::run_due(uint64_t now_ns)
{
    // The due timers move to a list of their own first, so a pass runs each
    // at most once whatever its callbacks arm; cancelling or re-arming one
    // that is still waiting there takes it out (removal needs no list).
    klib::IntrusiveList<Timer, &Timer::node> due;
    while (Timer* timer = list_.first()) {
        if (timer->deadline_ns_ > now_ns)
            break;
        list_.remove(*timer);
        due.push_back(*timer);
    }
    size_t ran = 0;
    while (Timer* timer = due.pop_front()) {
        if (timer->period_ns_) {
            timer->deadline_ns_ = next_period(timer->deadline_ns_, timer->period_ns_, now_ns);
            // Only at the end of time does the next period not lie ahead.
            if (timer->deadline_ns_ > now_ns)
                insert(*timer);
        }
        timer->callback_(timer->context_);
        ++ran;
    }
    return ran;
}

uint64_t TimerQueue::next_deadline() const
{
    Timer* first = list_.first();
    return first ? first->deadline_ns_ : UINT64_MAX;
}

void TimerQueue::insert(Timer& timer)
{
    list_.insert_sorted(timer, [](const Timer& a, const Timer& b) { return a.deadline_ns_ < b.deadline_ns_; });
}

} // namespace ktime
