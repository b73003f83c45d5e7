#include <banos/slots.h>
#include <time.h>

#ifdef BANOS_HAS_SLOT_clock_gettime
extern "C" int clock_gettime(clockid_t clock, struct timespec* out)
{
    // struct timespec has banos_v2_timespec's layout (checked in <time.h>).
    return __banos_slot_clock_gettime(clock, reinterpret_cast<banos_v2_timespec*>(out));
}
#endif
