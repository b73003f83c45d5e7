#include "kernel/log.h"

#include "arch/x86_64/drivers/serial.h"
#include "lib/spinlock.h"

namespace klog {

namespace {
Level g_level = Level::Info;
uint64_t (*g_clock)() = nullptr;
uint64_t g_warnings = 0;
klib::Spinlock g_lock;
char g_ring[kLogRingSize];
uint64_t g_ring_written = 0; // total bytes ever put in the ring

void remember(klib::StringView line)
{
    for (char c : line)
        g_ring[g_ring_written++ % kLogRingSize] = c;
}
} // namespace

void set_level(Level level) { g_level = level; }
Level level() { return g_level; }
void set_clock(uint64_t (*nanoseconds)()) { g_clock = nanoseconds; }
uint64_t warning_count() { return __atomic_load_n(&g_warnings, __ATOMIC_RELAXED); }

void write_raw(klib::StringView text)
{
    klib::SpinlockGuard guard(g_lock);
    arch::serial::write(text);
}

void write_recent_lines(klib::FormatSink& sink)
{
    char copy[512];
    uint64_t end, start;
    {
        klib::SpinlockGuard guard(g_lock);
        end = g_ring_written;
    }
    start = end > kLogRingSize ? end - kLogRingSize : 0;
    // Skip the partial line the ring starts in the middle of.
    bool skipping = start > 0;
    for (uint64_t at = start; at < end;) {
        size_t n = 0;
        {
            klib::SpinlockGuard guard(g_lock);
            if (g_ring_written - at > kLogRingSize)
                at = g_ring_written - kLogRingSize; // overwritten meanwhile
            for (; n < sizeof(copy) && at + n < end; ++n)
                copy[n] = g_ring[(at + n) % kLogRingSize];
        }
        size_t from = 0;
        if (skipping) {
            while (from < n && copy[from] != '\n')
                ++from;
            if (from < n) {
                ++from;
                skipping = false;
            }
        }
        sink.write(klib::StringView(copy + from, n - from));
        at += n;
    }
}

void vlog(Level level, klib::StringView format, klib::Span<const klib::FormatArg> args)
{
    char line[512];
    // Room is kept after the text for "..." and the newline.
    klib::BufferSink sink(line, sizeof(line) - 4);
    uint64_t ns = g_clock ? g_clock() : 0;
    klib::format_to(sink, "[{:5}.{:06}] {}: ", ns / 1000000000, (ns / 1000) % 1000000, level_name(level));
    klib::vformat(sink, format, args);
    size_t length = sink.length();
    if (sink.truncated()) {
        for (char c : klib::StringView("..."))
            line[length++] = c;
    }
    line[length] = '\n';
    if (level <= Level::Warn)
        __atomic_add_fetch(&g_warnings, 1, __ATOMIC_RELAXED);
    klib::StringView text(line, length + 1);
    klib::SpinlockGuard guard(g_lock);
    arch::serial::write(text);
    remember(text);
}

} // namespace klog
