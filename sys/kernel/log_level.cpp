// Log-level names, apart from the log itself so host tests can use them.
#include "kernel/log.h"

namespace klog {

const char* level_name(Level level)
{
    switch (level) {
    case Level::Error:
        return "error";
    case Level::Warn:
        return "warn";
    case Level::Info:
        return "info";
    case Level::Debug:
        return "debug";
    case Level::Trace:
        return "trace";
    }
    return "?";
}

klib::Optional<Level> parse_level(klib::StringView text)
{
    for (auto level : { Level::Error, Level::Warn, Level::Info, Level::Debug, Level::Trace }) {
        if (text == level_name(level))
            return level;
    }
    if (auto number = text.to_uint(); number && *number >= 1 && *number <= 5)
        return static_cast<Level>(*number);
    return {};
}

} // namespace klog
