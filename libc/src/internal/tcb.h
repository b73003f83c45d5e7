// Reading the calling thread's TCB (abi-versions/common/tcb.h) through %fs.
#pragma once

#include <abi-versions/common/tcb.h>

namespace banos::libc::tcb {

inline int* errno_pointer()
{
    int* pointer;
    asm("movq %%fs:%c1, %0" : "=r"(pointer) : "i"(BANOS_TCB_ERRNO_PTR));
    return pointer;
}

} // namespace banos::libc::tcb
