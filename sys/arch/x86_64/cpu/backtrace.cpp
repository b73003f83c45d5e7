#include "arch/x86_64/cpu/backtrace.h"

#include "arch/x86_64/cpu/fault_catch.h"
#include "arch/x86_64/mm/layout.h"
#include "kernel/log.h"
#include "kernel/panic.h"

namespace arch {

namespace {
constexpr unsigned kMaxFrames = 64;

klib::Optional<uint64_t> read_stack_word(uint64_t address)
{
    if (!layout::is_kernel_address(address) || address % 8)
        return {};
    uint64_t value = 0;
    auto fault = catch_fault([&] { value = *reinterpret_cast<volatile uint64_t*>(address); });
    if (fault)
        return {};
    return value;
}


void walk(unsigned first_index, uint64_t rbp)
{
    uint64_t previous = 0;
    unsigned repeats = 0;
    unsigned index = first_index;
    for (unsigned frames = 0; frames < kMaxFrames && rbp; ++frames) {
        auto saved_rbp = read_stack_word(rbp);
        auto return_address = read_stack_word(rbp + 8);
        if (!saved_rbp || !return_address || !*return_address)
            break;
        // Deep recursion prints one line and a count, not a page of copies.
        if (*return_address == previous) {
            ++repeats;
        } else {
            if (repeats)
                klog::print("      ... the same frame {} more times\n", repeats);
            repeats = 0;
            kernel::print_code_address(index++, *return_address, true);
            previous = *return_address;
        }
        // Frames must move up the stack; anything else is corruption.
        if (*saved_rbp <= rbp)
            break;
        rbp = *saved_rbp;
    }
    if (repeats)
        klog::print("      ... the same frame {} more times\n", repeats);
}
} // namespace

void print_backtrace(uint64_t rip, uint64_t rbp)
{
    kernel::print_code_address(0, rip, false);
    walk(1, rbp);
}

void print_backtrace_from(uint64_t rbp) { walk(0, rbp); }

} // namespace arch
