// What g++'s output needs from the runtime when C++ programs are built with
// -fno-exceptions -fno-rtti -fno-threadsafe-statics: static destructors
// registered through __cxa_atexit, pure virtual calls, and operator new and
// delete over malloc (without exceptions, running out of memory aborts).
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

#include "../internal/exit.h"

namespace std {
enum class align_val_t : size_t {};
struct nothrow_t {
    explicit nothrow_t() = default;
};
} // namespace std

namespace {

[[noreturn]] void out_of_memory()
{
    static const char message[] = "operator new: out of memory\n";
    write(STDERR_FILENO, message, sizeof message - 1);
    abort();
}

void* allocate(size_t size)
{
    void* pointer = malloc(size);
    if (pointer == nullptr)
        out_of_memory();
    return pointer;
}

void* allocate_aligned(size_t size, std::align_val_t alignment)
{
    void* pointer = aligned_alloc(static_cast<size_t>(alignment), size);
    if (pointer == nullptr)
        out_of_memory();
    return pointer;
}

} // namespace

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

void* operator new(size_t size) { return allocate(size); }
void* operator new[](size_t size) { return allocate(size); }
void* operator new(size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new[](size_t size, std::align_val_t alignment) { return allocate_aligned(size, alignment); }
void* operator new(size_t size, const std::nothrow_t&) noexcept { return malloc(size); }
void* operator new[](size_t size, const std::nothrow_t&) noexcept { return malloc(size); }
void operator delete(void* pointer) noexcept { free(pointer); }
void operator delete[](void* pointer) noexcept { free(pointer); }
void operator delete(void* pointer, size_t) noexcept { free(pointer); }
void operator delete[](void* pointer, size_t) noexcept { free(pointer); }
void operator delete(void* pointer, std::align_val_t) noexcept { free(pointer); }
void operator delete[](void* pointer, std::align_val_t) noexcept { free(pointer); }
void operator delete(void* pointer, size_t, std::align_val_t) noexcept { free(pointer); }
void operator delete[](void* pointer, size_t, std::align_val_t) noexcept { free(pointer); }
