#include <banos/slots.h>
#include <time.h>

// The slot whose result has time_t's width: time64 where the ABI has it
// (64-bit time_t), else the 32-bit time of program ABI 1.
extern "C" time_t time(time_t* out)
{
#ifdef BANOS_HAS_SLOT_time64
    return __banos_slot_time64(out);
#else
    return __banos_slot_time(out);
#endif
}
