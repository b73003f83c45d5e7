// What g++'s output needs from the runtime when C++ programs are built with
// -fno-exceptions -fno-rtti -fno-threadsafe-statics: static destructors
// registered through __cxa_atexit, pure virtual calls, and operator delete
// for deleting destructors (there is no allocator yet, so no object can be
// deleted).
#include <stddef.h>
#include <stdlib.h>

#include "../internal/exit.h"

extern "C" {

// One per program or shared object, hidden; its address names the object.
void* __dso_handle LIBC_HIDDEN = &__dso_handle;

int __cxa_atexit(void (*function)(void*), void* argument, void* /* dso_handle */)
{
    return banos::libc::exit_handlers::add(function, argument, true) ? 0 : -1;
}

void __cxa_pure_virtual(void)
{
    abort();
}
}

void operator delete(void* pointer) noexcept
{
    if (pointer != nullptr)
        abort();
}

void operator delete(void* pointer, size_t) noexcept
{
    if (pointer != nullptr)
        abort();
}
