// What the kernel library expects from its environment, for host tests.
#include <cstdio>
#include <cstdlib>

#include "lib/assert.h"
#include "lib/spinlock.h"

namespace klib {

void assertion_failed(const char* expression, const char* file, int line)
{
    std::fprintf(stderr, "assertion failed: %s at %s:%d\n", expression, file, line);
    std::abort();
}

InterruptState interrupts_save_and_disable() { return { false }; }
void interrupts_restore(InterruptState) {}

} // namespace klib
