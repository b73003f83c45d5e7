#include <stdlib.h>
#include <unistd.h>

#include "../internal/exit.h"
#include "../internal/startup.h"
#include "../internal/stdio.h"

extern "C" void exit(int status)
{
    banos::libc::exit_handlers::run_all();
    if (__libc_rtld_fini) {
        __libc_rtld_fini();
    } else {
        for (auto* function = __fini_array_end; function != __fini_array_start;)
            (*--function)();
    }
    banos::libc::stdio::flush_all();
    _exit(status);
}

extern "C" void _Exit(int status)
{
    _exit(status);
}
