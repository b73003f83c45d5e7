/* Which program ABI this compilation is for: BANOS_PROGRAM_ABI, set by
 * tools/banos-cc --abi=N (as -DBANOS_PROGRAM_ABI=N). Names that ABI's
 * definition files; includes nothing, so C, C++, assembly, linker scripts
 * and the header generators (libc/gen/) can all use it. The names are
 * string literals, which the preprocessor leaves alone (<...> would have
 * the errno in errno.def expanded once <errno.h> is in). */
#ifndef __BANOS_ABI_SELECT_H
#define __BANOS_ABI_SELECT_H

#ifndef BANOS_PROGRAM_ABI
#error "BANOS_PROGRAM_ABI is not set: build user programs with tools/banos-cc --abi=N"
#elif BANOS_PROGRAM_ABI == 1
#define BANOS_PROGRAM_TYPES_H "abi-versions/v1/program/types.h"
#define BANOS_PROGRAM_SLOTS_DEF "abi-versions/v1/program/slots.def"
#define BANOS_PROGRAM_ERRNO_DEF "abi-versions/v1/program/errno.def"
#elif BANOS_PROGRAM_ABI == 2
#define BANOS_PROGRAM_TYPES_H "abi-versions/v2/program/types.h"
#define BANOS_PROGRAM_SLOTS_DEF "abi-versions/v2/program/slots.def"
#define BANOS_PROGRAM_ERRNO_DEF "abi-versions/v2/program/errno.def"
#elif BANOS_PROGRAM_ABI == 3
#define BANOS_PROGRAM_TYPES_H "abi-versions/v3/program/types.h"
#define BANOS_PROGRAM_SLOTS_DEF "abi-versions/v3/program/slots.def"
#define BANOS_PROGRAM_ERRNO_DEF "abi-versions/v3/program/errno.def"
#else
#error "this libc does not know the program ABI BANOS_PROGRAM_ABI names"
#endif

#endif
