/* sigset_t: the slots' uint64_t mask, bit (signal - 1). */
#ifndef __BANOS_BITS_SIGSET_H
#define __BANOS_BITS_SIGSET_H
typedef unsigned long sigset_t;
#endif
