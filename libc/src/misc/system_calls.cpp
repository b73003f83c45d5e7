// Slots with nothing to add: scheduling and randomness.
#include <banos/slots.h>
#include <sched.h>
#include <sys/random.h>

extern "C" {

int sched_yield(void) { return __banos_slot_sched_yield(); }

#ifdef BANOS_HAS_SLOT_sched_getcpu
int sched_getcpu(void) { return __banos_slot_sched_getcpu(); }
#endif

#ifdef BANOS_HAS_SLOT_getrandom
ssize_t getrandom(void* buffer, size_t size, unsigned int flags) { return __banos_slot_getrandom(buffer, size, flags); }
#endif
}
