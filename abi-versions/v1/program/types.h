/* Program ABI 1: C types and structure layouts.
 *
 * The "old" ABI: time_t is 32 bits. Structures a later ABI changes carry a
 * version suffix so both can exist in one definition list. */
#ifndef BANOS_ABI_V1_PROGRAM_TYPES_H
#define BANOS_ABI_V1_PROGRAM_TYPES_H

#include <stdint.h>

#define BANOS_PROGRAM_ABI_V1 1

typedef int32_t banos_v1_time_t;

#endif
