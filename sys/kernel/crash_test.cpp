#include "kernel/crash_test.h"

#include "arch/x86_64/cpu/stack_switch.h"
#include "kernel/log.h"
#include "kernel/panic.h"
#include "mm/kernel_stack.h"

// Kept out of line and with C names so the report's symbols are exact.
extern "C" [[gnu::noinline]] void crash_test_null_write()
{
    klog::info("crashtest: writing through a null pointer");
    *static_cast<volatile int*>(nullptr) = 1;
}

// The limit is far beyond any kernel stack; it only keeps the compiler from
// calling this an infinite recursion.
extern "C" [[gnu::noinline]] uint64_t crash_test_recurse(uint64_t depth)
{
    volatile char frame[512];
    frame[0] = static_cast<char>(depth);
    if (depth > (1u << 30))
        return frame[0];
    return crash_test_recurse(depth + 1) + frame[0];
}

namespace kernel {

namespace {
void recurse_on_stack(void*) { crash_test_recurse(0); }
} // namespace

void run_crash_test(CrashTest test)
{
    switch (test) {
    case CrashTest::PageFault:
        crash_test_null_write();
        break;
    case CrashTest::StackOverflow: {
        klog::info("crashtest: recursing on a guarded kernel stack");
        auto stack = mm::KernelStack::create();
        if (stack.is_error())
            panic("crashtest: no kernel stack: {}", stack.error());
        arch::switch_stack_and_call(stack.value().top(), recurse_on_stack, nullptr);
        break;
    }
    case CrashTest::Assertion:
        klog::info("crashtest: failing an assertion");
        KASSERT(test == CrashTest::None);
        break;
    case CrashTest::None:
        break;
    }
    panic("crashtest: the deliberate fault did not happen");
}

} // namespace kernel
