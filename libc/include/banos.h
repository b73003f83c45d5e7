/* banos-specific calls. */
#ifndef __BANOS_BANOS_H
#define __BANOS_BANOS_H

#include <sys/cdefs.h>
#include <stdint.h>
#include <banos/abi.h>
#include <sys/auxv.h>

__BEGIN_DECLS

/* The version of the syscall layer the kernel mapped into this program. */
int syslayer_version(void);
/* How many times this process has entered the kernel (calls the layer
 * answers from shared pages do not count). */
uint64_t banos_syscall_count(void);

__END_DECLS

#endif
