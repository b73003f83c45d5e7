#pragma once
#include "lib/format.h"

// In-kernel self-tests, run by the `test` boot option. Each prints
// "PASS name" or "FAIL name: why" on the console for the test runner.
namespace ktest {

class Context {
public:
    template <typename... Args>
    void fail(klib::StringView format, const Args&... args)
    {
        if (failed_)
            return; // the first failure is the one worth reading
        failed_ = true;
        klib::BufferSink sink(message_, sizeof(message_));
        klib::format_to(sink, format, args...);
    }
    bool failed() const { return failed_; }
    const char* message() const { return message_; }

private:
    bool failed_ { false };
    char message_[256] {};
};

struct TestCase {
    const char* name;
    void (*run)(Context&);
};

// Returns true when every test passed.
bool run_all();

} // namespace ktest

// Registration stores a pointer per test in .ktests (pointers, so the
// section is a dense array whatever alignment the compiler picks for the
// records themselves).
#define KTEST(name)                                                                                  \
    static void ktest_##name(ktest::Context&);                                                      \
    static const ktest::TestCase ktest_case_##name = { #name, ktest_##name };                       \
    [[gnu::used, gnu::section(".ktests")]] static const ktest::TestCase* const ktest_pointer_##name \
        = &ktest_case_##name;                                                                       \
    static void ktest_##name([[maybe_unused]] ktest::Context& ktest_context)

// Records a failure and leaves the test.
#define KEXPECT(condition, ...)          \
    do {                                 \
        if (!(condition)) {              \
            ktest_context.fail(__VA_ARGS__); \
            return;                      \
        }                                \
    } while (0)
