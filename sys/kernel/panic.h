#pragma once
#include "lib/format.h"

namespace arch {
struct InterruptFrame;
}

// A panic is for kernel bugs only: it prints what went wrong, the registers
// and a symbolized backtrace, then stops the machine (or, in test mode,
// leaves QEMU with the failure code).
namespace kernel {

[[noreturn]] void vpanic(const arch::InterruptFrame* frame, klib::StringView format,
                         klib::Span<const klib::FormatArg> args);

template <typename... Args>
[[noreturn]] void panic(klib::StringView format, const Args&... args)
{
    if constexpr (sizeof...(Args) == 0) {
        vpanic(nullptr, format, {});
    } else {
        const klib::FormatArg array[] = { klib::detail::make_arg(args)... };
        vpanic(nullptr, format, klib::Span<const klib::FormatArg>(array, sizeof...(Args)));
    }
}

template <typename... Args>
[[noreturn]] void panic_with_frame(const arch::InterruptFrame& frame, klib::StringView format, const Args&... args)
{
    if constexpr (sizeof...(Args) == 0) {
        vpanic(&frame, format, {});
    } else {
        const klib::FormatArg array[] = { klib::detail::make_arg(args)... };
        vpanic(&frame, format, klib::Span<const klib::FormatArg>(array, sizeof...(Args)));
    }
}

// Prints "  #n 0x... name+0xoff" for one code address. A return address
// is looked up one byte earlier: a call to a function that never returns
// may be the last instruction of its caller, so the return address is
// already the next function's first byte.
void print_code_address(unsigned index, uint64_t address, bool is_return_address);

} // namespace kernel
