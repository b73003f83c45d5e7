// syscount: counts system calls by name through the kernel's tracepoint and
// shows the counts in /dev/syscount, one "name count" line each, in the
// order the calls were first seen.
#include "abi-versions/modules/api.h"
#include "sys/modules/lib/module_text.h"

namespace {

constexpr size_t kMaxCalls = 160;
constexpr size_t kTextSize = kMaxCalls * 48;

struct Counter {
    const char* name;
    uint64_t count;
};
Counter g_counters[kMaxCalls];
size_t g_used = 0;
uint64_t g_other = 0;

// The tracepoint's names live forever, so the pointer identifies the call.
void count_call(void*, const char* call)
{
    for (size_t i = 0; i < g_used; ++i) {
        if (g_counters[i].name == call) {
            __atomic_add_fetch(&g_counters[i].count, 1, __ATOMIC_RELAXED);
            return;
        }
    }
    if (g_used == kMaxCalls) {
        ++g_other;
        return;
    }
    g_counters[g_used].name = call;
    g_counters[g_used].count = 1;
    __atomic_store_n(&g_used, g_used + 1, __ATOMIC_RELEASE);
}

size_t append(char* out, size_t at, const char* text)
{
    while (*text && at < kTextSize)
        out[at++] = *text++;
    return at;
}

size_t append_number(char* out, size_t at, uint64_t value)
{
    char digits[20];
    size_t n = module_text::decimal(digits, value);
    for (size_t i = 0; i < n && at < kTextSize; ++i)
        out[at++] = digits[i];
    return at;
}

char g_text[kTextSize];
size_t g_text_length = 0;

int64_t syscount_read(void*, uint64_t offset, void* buffer, uint64_t count)
{
    // A read from the start takes a fresh snapshot; later offsets continue it.
    if (offset == 0) {
        size_t at = 0;
        size_t used = __atomic_load_n(&g_used, __ATOMIC_ACQUIRE);
        for (size_t i = 0; i < used; ++i) {
            at = append(g_text, at, g_counters[i].name);
            at = append(g_text, at, " ");
            at = append_number(g_text, at, __atomic_load_n(&g_counters[i].count, __ATOMIC_RELAXED));
            at = append(g_text, at, "\n");
        }
        g_text_length = at;
    }
    return module_text::read_text(g_text, g_text_length, offset, buffer, count);
}

const banos_chardev_ops kOps = { syscount_read, nullptr };

int syscount_init()
{
    int registered = banos_chardev_register("syscount", 0444, &kOps, nullptr);
    if (registered != 0)
        return registered;
    int attached = banos_syscall_probe_attach(count_call, nullptr);
    if (attached != 0)
        return attached; // the kernel drops /dev/syscount with the module
    banos_log(BANOS_LOG_INFO, "syscount: counting system calls in /dev/syscount");
    return 0;
}

void syscount_uninit() { banos_syscall_probe_detach(count_call); }

} // namespace

BANOS_DRIVER("syscount", "BSD-2-Clause", "1.0", syscount_init, syscount_uninit);
