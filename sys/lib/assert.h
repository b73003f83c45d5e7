#pragma once
// Internal consistency checks. A failed KASSERT is a kernel bug, never a
// reaction to bad input: input from user space or modules is checked and
// answered with an Error instead.

namespace klib {
// Provided by the environment: the kernel panics, host tests abort.
[[noreturn]] void assertion_failed(const char* expression, const char* file, int line);
} // namespace klib

#define KASSERT(expr)                                                      \
    do {                                                                   \
        if (__builtin_expect(!(expr), 0))                                  \
            ::klib::assertion_failed(#expr, __FILE__, __LINE__);           \
    } while (0)

#define KASSERT_NOT_REACHED() ::klib::assertion_failed("not reached", __FILE__, __LINE__)
