#include "kernel/ktest.h"

#include "kernel/log.h"

extern "C" const ktest::TestCase* const __ktests_start[];
extern "C" const ktest::TestCase* const __ktests_end[];

namespace ktest {

bool run_all()
{
    size_t passed = 0, failed = 0;
    for (auto* entry = __ktests_start; entry != __ktests_end; ++entry) {
        const TestCase& test = **entry;
        Context context;
        test.run(context);
        if (context.failed()) {
            klog::print("FAIL kernel.{}: {}\n", test.name, context.message());
            ++failed;
        } else {
            klog::print("PASS kernel.{}\n", test.name);
            ++passed;
        }
    }
    klog::info("selftest: {} passed, {} failed", passed, failed);
    return failed == 0;
}

} // namespace ktest
