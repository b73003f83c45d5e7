#ifndef __BANOS_SCHED_H
#define __BANOS_SCHED_H

#include <sys/cdefs.h>
#include <banos/abi.h>

__BEGIN_DECLS

int sched_yield(void);
#ifdef BANOS_HAS_SLOT_sched_getcpu
int sched_getcpu(void);
#endif

__END_DECLS

#endif
