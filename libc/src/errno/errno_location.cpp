#include <errno.h>

#include "../internal/tcb.h"

extern "C" int* __errno_location(void)
{
    return banos::libc::tcb::errno_pointer();
}
