// Timers for modules (abi-versions/modules/api.h, banos_timer_*): kernel
// timers (time/timers.h) that remember which module's init made them, so a
// failing init leaves none behind.
#include "abi-versions/modules/api.h"
#include "lib/intrusive_list.h"
#include "lib/own_ptr.h"
#include "lib/spinlock.h"
#include "module/api/resources.h"
#include "module/loader.h"
#include "time/timers.h"

struct banos_timer {
    banos_timer(banos_timer_callback callback, void* context, module::Module* maker)
        : timer(callback, context)
        , owner(maker)
    {
    }

    ktime::Timer timer;
    module::Module* owner; // null when made after the owner's init
    klib::IntrusiveListNode made_node;
};

namespace module::api {

namespace {
// Every module timer, for release_timers; changed with interrupts off.
klib::IntrusiveList<banos_timer, &banos_timer::made_node> g_timers;

// Interrupts off: the callback cannot be running, and will not run again.
void forget_locked(banos_timer& timer)
{
    ktime::cancel_timer(timer.timer);
    decltype(g_timers)::remove(timer);
}
} // namespace

void release_timers(Module* owner)
{
    auto state = klib::interrupts_save_and_disable();
    for (banos_timer& timer : g_timers) {
        if (timer.owner != owner)
            continue;
        forget_locked(timer);
        delete &timer;
    }
    klib::interrupts_restore(state);
}

} // namespace module::api

extern "C" {

struct banos_timer* banos_timer_create(banos_timer_callback callback, void* context)
{
    if (!callback)
        return nullptr;
    auto made = klib::try_make<banos_timer>(callback, context, module::installing_module());
    if (made.is_error())
        return nullptr;
    banos_timer* timer = made.release_value().leak();
    auto state = klib::interrupts_save_and_disable();
    module::api::g_timers.push_back(*timer);
    klib::interrupts_restore(state);
    return timer;
}

int banos_timer_arm(struct banos_timer* timer, uint64_t delay_ns, uint64_t period_ns)
{
    if (!timer)
        return -BANOS_E_Invalid;
    ktime::arm_timer(timer->timer, delay_ns, period_ns);
    return 0;
}

int banos_timer_cancel(struct banos_timer* timer)
{
    if (!timer)
        return -BANOS_E_Invalid;
    return ktime::cancel_timer(timer->timer) ? 1 : 0;
}

void banos_timer_destroy(struct banos_timer* timer)
{
    if (!timer)
        return;
    auto state = klib::interrupts_save_and_disable();
    module::api::forget_locked(*timer);
    klib::interrupts_restore(state);
    delete timer;
}

} // extern "C"

BANOS_EXPORT(banos_timer_create);
BANOS_EXPORT(banos_timer_arm);
BANOS_EXPORT(banos_timer_cancel);
BANOS_EXPORT(banos_timer_destroy);
