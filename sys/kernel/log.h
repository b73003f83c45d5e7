#pragma once
#include <stdint.h>

#include "lib/format.h"

// The kernel log: one line per message, with a level and a timestamp taken
// from the monotonic clock once it runs.
namespace klog {

enum class Level : uint8_t { Error = 1, Warn = 2, Info = 3, Debug = 4, Trace = 5 };

void set_level(Level);
Level level();
klib::Optional<Level> parse_level(klib::StringView);
const char* level_name(Level);
void set_clock(uint64_t (*nanoseconds)());

// Lines emitted so far at warn level or worse: lets tests prove that a bad
// input produced exactly one complaint.
uint64_t warning_count();

void vlog(Level, klib::StringView format, klib::Span<const klib::FormatArg> args);

template <typename... Args>
void log(Level level, klib::StringView format, const Args&... args)
{
    if (static_cast<uint8_t>(level) > static_cast<uint8_t>(klog::level()))
        return;
    if constexpr (sizeof...(Args) == 0) {
        vlog(level, format, {});
    } else {
        const klib::FormatArg array[] = { klib::detail::make_arg(args)... };
        vlog(level, format, klib::Span<const klib::FormatArg>(array, sizeof...(Args)));
    }
}

template <typename... Args>
void error(klib::StringView format, const Args&... args) { log(Level::Error, format, args...); }
template <typename... Args>
void warn(klib::StringView format, const Args&... args) { log(Level::Warn, format, args...); }
template <typename... Args>
void info(klib::StringView format, const Args&... args) { log(Level::Info, format, args...); }
template <typename... Args>
void debug(klib::StringView format, const Args&... args) { log(Level::Debug, format, args...); }
template <typename... Args>
void trace(klib::StringView format, const Args&... args) { log(Level::Trace, format, args...); }

// The last lines logged (a ring of kLogRingSize bytes), oldest first.
constexpr size_t kLogRingSize = 64 * 1024;
void write_recent_lines(klib::FormatSink&);

// Raw console output without a prefix, for multi-line reports (panic).
template <typename... Args>
void print(klib::StringView format, const Args&... args);
void write_raw(klib::StringView text);

class RawSink final : public klib::FormatSink {
public:
    void write(klib::StringView text) override { write_raw(text); }
};

template <typename... Args>
void print(klib::StringView format, const Args&... args)
{
    RawSink sink;
    klib::format_to(sink, format, args...);
}

} // namespace klog
