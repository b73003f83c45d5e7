#include "kernel/options.h"

namespace kernel {

namespace {
Options g_options;

struct Word {
    klib::StringView key;
    klib::StringView value;
    bool has_value;
};

Word split(klib::StringView word)
{
    if (auto eq = word.find('='))
        return { word.substring(0, *eq), word.substring(*eq + 1), true };
    return { word, {}, false };
}
} // namespace

const Options& options() { return g_options; }
Options& mutable_options() { return g_options; }

void parse_options(klib::StringView line, Options& out, void (*complain)(klib::StringView, klib::StringView))
{
    out.command_line = line;
    size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ')
            ++i;
        size_t start = i;
        while (i < line.size() && line[i] != ' ')
            ++i;
        if (i == start)
            break;
        klib::StringView raw = line.substring(start, i - start);
        Word word = split(raw);
        if (word.key == "test" && !word.has_value) {
            out.test_mode = true;
        } else if (word.key == "noselftest" && !word.has_value) {
            out.skip_selftests = true;
        } else if (word.key == "dumpbootinfo" && !word.has_value) {
            out.dump_boot_info = true;
        } else if (word.key == "loglevel" && word.has_value) {
            if (auto level = klog::parse_level(word.value))
                out.log_level = *level;
            else
                complain(raw, "expected error, warn, info, debug, trace or 1..5");
        } else if (word.key == "syslayer" && word.has_value) {
            if (word.value == "trap")
                out.syslayer_always_trap = true;
            else if (word.value == "fast")
                out.syslayer_always_trap = false;
            else
                complain(raw, "expected trap or fast");
        } else if (word.key == "init" && word.has_value) {
            if (word.value.is_empty())
                complain(raw, "expected a program path");
            else
                out.init = word.value;
        } else if (word.key == "crashtest" && word.has_value) {
            if (word.value == "pagefault")
                out.crash_test = CrashTest::PageFault;
            else if (word.value == "stackoverflow")
                out.crash_test = CrashTest::StackOverflow;
            else if (word.value == "assert")
                out.crash_test = CrashTest::Assertion;
            else
                complain(raw, "expected pagefault, stackoverflow or assert");
        } else {
            complain(raw, "unknown option");
        }
    }
}

} // namespace kernel
