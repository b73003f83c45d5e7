// Called by _start (libc/arch/x86_64/crt0.S) with the initial stack's
// contents; never returns.
#include <stdlib.h>
#include <unistd.h>

#include "../internal/startup.h"

// The program's main, named through its symbol (C++ forbids naming ::main).
extern "C" int __libc_program_main(int argc, char** argv, char** envp) __asm__("main");

char** environ;
unsigned long* __libc_auxv;

namespace {

void run_init_array(__libc_init_function* start, __libc_init_function* end, int argc, char** argv, char** envp)
{
    for (auto* function = start; function != end; ++function)
        (*function)(argc, argv, envp);
}

} // namespace

extern "C" [[noreturn]] void __libc_start_main(int argc, char** argv, char** envp, unsigned long* auxv) LIBC_HIDDEN;

extern "C" void __libc_start_main(int argc, char** argv, char** envp, unsigned long* auxv)
{
    __libc_relocate_static_pie();
    environ = envp;
    __libc_auxv = auxv;
    run_init_array(__preinit_array_start, __preinit_array_end, argc, argv, envp);
    run_init_array(__init_array_start, __init_array_end, argc, argv, envp);
    exit(__libc_program_main(argc, argv, envp));
}
