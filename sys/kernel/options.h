#pragma once
#include "kernel/log.h"
#include "lib/string_view.h"

// Kernel command-line options.
namespace kernel {

enum class CrashTest : uint8_t { None, PageFault, StackOverflow, Assertion };

struct Options {
    bool test_mode { false };          // test: run the self-tests and init=, then exit QEMU
    bool skip_selftests { false };     // noselftest: in test mode, only run the init= programs
    klog::Level log_level { klog::Level::Info }; // loglevel=error|warn|info|debug|trace|1..5
    CrashTest crash_test { CrashTest::None };    // crashtest=pagefault|stackoverflow|assert
    bool dump_boot_info { false };     // dumpbootinfo: hex dump of the loader's data (test fixtures)
    bool syslayer_always_trap { false }; // syslayer=trap: every process gets its ABI's always-trap layer
    // init=ENTRY[,ENTRY...]: the programs the kernel starts, in order. An
    // entry is words joined by '+': NAME=VALUE words are its environment,
    // then the path, then its arguments. A leading '!' means the program
    // is expected to be refused (tests).
    klib::StringView init { "/bin/init" };
    // The whole line as the loader gave it (/proc/cmdline).
    klib::StringView command_line;
};

// Parses space-separated words into `out`. A word that is not understood is
// reported through `complain` and otherwise ignored: a typo must not stop
// the boot.
void parse_options(klib::StringView command_line, Options& out,
                   void (*complain)(klib::StringView word, klib::StringView why));

const Options& options();
Options& mutable_options();

} // namespace kernel
