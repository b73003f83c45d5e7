// heartbeat: a periodic kernel timer beating ten times a second. A read of
// /dev/heartbeat waits for the next beat and returns "beat N\n" (N counts
// the beats so far); when the heart is stopped it returns "stopped N\n" at
// once. Writing "stop" cancels the timer, "start" re-arms it periodically
// and "once" arms it for a single beat (so a read after "once" waits for
// that beat, and the reads after it say "stopped").
#include "abi-versions/modules/api.h"
#include "sys/modules/lib/module_text.h"

namespace {

constexpr uint64_t kPeriodNs = 100 * 1000 * 1000ull;

banos_timer* g_timer = nullptr;
banos_wait_queue* g_queue = nullptr;
volatile uint64_t g_beats = 0;
// Whether another beat will come: the timer is periodic, or armed once
// and not fired yet. The callback and the writes change it.
volatile bool g_beating = false;
volatile bool g_periodic = false;

void beat(void*)
{
    g_beats = g_beats + 1;
    if (!g_periodic)
        g_beating = false;
    banos_wait_queue_wake_all(g_queue);
}

struct Wait {
    uint64_t from;
};

int beat_or_stopped(void* argument) { return g_beats != static_cast<Wait*>(argument)->from || !g_beating; }

int64_t heartbeat_read(void*, uint64_t offset, void* buffer, uint64_t count)
{
    if (offset > 0)
        return 0;
    Wait wait { g_beats };
    int waited = banos_wait_queue_wait(g_queue, beat_or_stopped, &wait);
    if (waited != 0)
        return waited;
    // A beat that came wins over a stop that followed it.
    bool beat_came = g_beats != wait.from;
    char text[48];
    size_t length = module_text::labelled_line(text, beat_came ? "beat" : "stopped", g_beats);
    return module_text::read_text(text, length, 0, buffer, count);
}

bool is_command(const void* buffer, uint64_t count, const char* command)
{
    size_t length = strlen(command);
    const char* text = static_cast<const char*>(buffer);
    if (count > 0 && text[count - 1] == '\n')
        --count;
    return count == length && memcmp(text, command, length) == 0;
}

void start(bool periodic)
{
    banos_timer_cancel(g_timer); // no beat may see the flags half set
    g_periodic = periodic;
    g_beating = true;
    banos_timer_arm(g_timer, kPeriodNs, periodic ? kPeriodNs : 0);
}

int64_t heartbeat_write(void*, uint64_t, const void* buffer, uint64_t count)
{
    if (is_command(buffer, count, "stop")) {
        banos_timer_cancel(g_timer);
        // The timer is off and its callback done: nothing races these.
        g_beating = false;
        g_periodic = false;
        banos_wait_queue_wake_all(g_queue);
    } else if (is_command(buffer, count, "start")) {
        start(true);
    } else if (is_command(buffer, count, "once")) {
        start(false);
    } else {
        return -BANOS_E_Invalid;
    }
    return static_cast<int64_t>(count);
}

const banos_chardev_ops kOps = { heartbeat_read, heartbeat_write };

void heartbeat_uninit()
{
    banos_timer_destroy(g_timer);
    banos_wait_queue_destroy(g_queue);
}

int heartbeat_init()
{
    g_queue = banos_wait_queue_create();
    g_timer = banos_timer_create(beat, nullptr);
    if (!g_queue || !g_timer) {
        heartbeat_uninit();
        return -BANOS_E_NoMemory;
    }
    int registered = banos_chardev_register("heartbeat", 0644, &kOps, nullptr);
    if (registered != 0) {
        heartbeat_uninit();
        return registered;
    }
    start(true);
    banos_log(BANOS_LOG_INFO, "heartbeat: beating ten times a second in /dev/heartbeat");
    return 0;
}

} // namespace

BANOS_DRIVER("heartbeat", "BSD-2-Clause", "1.0", heartbeat_init, heartbeat_uninit);
