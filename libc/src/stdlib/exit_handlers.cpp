// The table behind atexit and __cxa_atexit: __BANOS_ATEXIT_MAX entries.
#include <stdlib.h>

#include "../internal/exit.h"

namespace banos::libc::exit_handlers {

namespace {

struct Handler {
    void (*function)(void*);
    void* argument;
    bool takes_argument;
};

Handler handlers[__BANOS_ATEXIT_MAX];
unsigned handler_count;

} // namespace

bool add(void (*function)(void*), void* argument, bool takes_argument)
{
    if (handler_count == __BANOS_ATEXIT_MAX)
        return false;
    handlers[handler_count++] = Handler { function, argument, takes_argument };
    return true;
}

void run_all()
{
    // A handler may call exit or register more handlers: take each one off
    // the table before calling it.
    while (handler_count > 0) {
        Handler handler = handlers[--handler_count];
        if (handler.takes_argument)
            handler.function(handler.argument);
        else
            reinterpret_cast<void (*)()>(handler.function)();
    }
}

} // namespace banos::libc::exit_handlers

extern "C" int atexit(void (*function)(void))
{
    return banos::libc::exit_handlers::add(reinterpret_cast<void (*)(void*)>(function), nullptr, false) ? 0 : -1;
}
