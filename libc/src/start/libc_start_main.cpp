// Called by _start (libc/arch/x86_64/crt0.S) with the initial stack's
// contents; never returns.
#include <stdlib.h>
#include <unistd.h>

#include "../internal/startup.h"
#include "../internal/stdio.h"

// The program's main, named through its symbol (C++ forbids naming ::main).
extern "C" int __libc_program_main(int argc, char** argv, char** envp) __asm__("main");

char** environ;
unsigned long* __libc_auxv;

#ifndef LIBC_SHARED
namespace {

void run_init_array(__libc_init_function* start, __libc_init_function* end, int argc, char** argv, char** envp)
{
    for (auto* function = start; function != end; ++function)
        (*function)(argc, argv, envp);
}

} // namespace
#endif

void (*__libc_rtld_fini)(void);

#ifdef LIBC_SHARED
// libc.so: ld-elf relocated everything and runs every object's
// initializers, this one first among them (also when an object of
// another program ABI brings this libc in through dlopen).
__attribute__((constructor(101))) static void libc_shared_init(int, char**, char** envp)
{
    if (environ == nullptr)
        environ = envp;
    char** end = envp;
    while (*end)
        ++end;
    __libc_auxv = reinterpret_cast<unsigned long*>(end + 1);
}

// Another program ABI's libc flushes its streams when ld-elf finalizes it.
__attribute__((destructor)) static void libc_shared_fini() { banos::libc::stdio::flush_all(); }

extern "C" [[noreturn]] void __libc_start_main(int argc, char** argv, char** envp, unsigned long* auxv,
                                               void (*rtld_fini)(void));

extern "C" void __libc_start_main(int argc, char** argv, char** envp, unsigned long* auxv, void (*rtld_fini)(void))
{
    environ = envp;
    __libc_auxv = auxv;
    __libc_rtld_fini = rtld_fini;
    exit(__libc_program_main(argc, argv, envp));
}
#else
extern "C" [[noreturn]] void __libc_start_main(int argc, char** argv, char** envp, unsigned long* auxv,
                                               void (*rtld_fini)(void)) LIBC_HIDDEN;

extern "C" void __libc_start_main(int argc, char** argv, char** envp, unsigned long* auxv, void (*)(void))
{
    __libc_relocate_static_pie();
    environ = envp;
    __libc_auxv = auxv;
    run_init_array(__preinit_array_start, __preinit_array_end, argc, argv, envp);
    run_init_array(__init_array_start, __init_array_end, argc, argv, envp);
    exit(__libc_program_main(argc, argv, envp));
}
#endif
