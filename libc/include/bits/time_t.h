/* time_t has the width of the program ABI: 32 bits in ABI 1, 64 bits from
 * ABI 2 on (the newest definition the selected ABI's types.h provides). */
#ifndef __BANOS_BITS_TIME_T_H
#define __BANOS_BITS_TIME_T_H
#include <banos/abi.h>
#if defined(BANOS_PROGRAM_ABI_V2)
typedef banos_v2_time_t time_t;
#else
typedef banos_v1_time_t time_t;
#endif
#endif
