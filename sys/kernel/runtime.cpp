// What the C++ compiler expects from its runtime, for a kernel that never
// exits and has no exceptions.
#include <new>

#include "kernel/panic.h"

// Normally provided by libstdc++, which the kernel does not link.
namespace std {
const nothrow_t nothrow {};
}

extern "C" {

void* __dso_handle = nullptr;

// Static destructors would run at exit; the kernel does not exit.
int __cxa_atexit(void (*)(void*), void*, void*) { return 0; }

void __cxa_pure_virtual() { kernel::panic("pure virtual function called"); }

} // extern "C"

using Constructor = void (*)();
extern "C" Constructor __init_array_start[], __init_array_end[];

namespace kernel {

void run_global_constructors()
{
    for (Constructor* constructor = __init_array_start; constructor != __init_array_end; ++constructor)
        (*constructor)();
}

} // namespace kernel
