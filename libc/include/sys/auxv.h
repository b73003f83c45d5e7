/* The auxiliary vector the kernel passed to this program. */
#ifndef __BANOS_SYS_AUXV_H
#define __BANOS_SYS_AUXV_H

#include <sys/cdefs.h>
#include <abi-versions/common/auxv.h>

#define AT_NULL BANOS_AT_NULL
#define AT_PHDR BANOS_AT_PHDR
#define AT_PHENT BANOS_AT_PHENT
#define AT_PHNUM BANOS_AT_PHNUM
#define AT_PAGESZ BANOS_AT_PAGESZ
#define AT_BASE BANOS_AT_BASE
#define AT_ENTRY BANOS_AT_ENTRY
#define AT_UID BANOS_AT_UID
#define AT_EUID BANOS_AT_EUID
#define AT_GID BANOS_AT_GID
#define AT_EGID BANOS_AT_EGID
#define AT_RANDOM BANOS_AT_RANDOM
#define AT_BANOS_PID BANOS_AT_PID
#define AT_BANOS_WINDOW BANOS_AT_WINDOW
#define AT_BANOS_PROGRAM_ABI BANOS_AT_PROGRAM_ABI
#define AT_BANOS_STATIC_TLS_SPACE BANOS_AT_STATIC_TLS_SPACE

__BEGIN_DECLS

/* The value of the first entry of this type; 0 with errno = ENOENT when
 * there is none. */
unsigned long getauxval(unsigned long type);

__END_DECLS

#endif
