/* The auxiliary vector the kernel puts on a new program's stack, after
 * envp's NULL: pairs of 64-bit (type, value), ending with BANOS_AT_NULL.
 * Shared by the kernel (which writes it), ld-elf and libc (getauxval;
 * libc's <sys/auxv.h> gives these numbers their usual AT_* names).
 *
 * Types below 0x1000 are the System V x86_64 psABI's (and Linux's)
 * numbers; 0x1000 and up are banos's own. */
#ifndef BANOS_ABI_COMMON_AUXV_H
#define BANOS_ABI_COMMON_AUXV_H

#define BANOS_AT_NULL 0    /* end of the vector */
#define BANOS_AT_PHDR 3    /* runtime address of the program headers */
#define BANOS_AT_PHENT 4   /* size of one program header */
#define BANOS_AT_PHNUM 5   /* number of program headers */
#define BANOS_AT_PAGESZ 6  /* page size: 4096 */
#define BANOS_AT_BASE 7    /* load address of the interpreter (ld-elf), 0 without one */
#define BANOS_AT_ENTRY 9   /* the program's entry point (runtime address) */
#define BANOS_AT_UID 11
#define BANOS_AT_EUID 12
#define BANOS_AT_GID 13
#define BANOS_AT_EGID 14
#define BANOS_AT_RANDOM 25 /* address of 16 random bytes */

#define BANOS_AT_PID 0x1000            /* the process id */
#define BANOS_AT_WINDOW 0x1001         /* runtime address of the program's window */
#define BANOS_AT_PROGRAM_ABI 0x1002    /* the program ABI read from the program's note */
/* With a PT_INTERP: bytes of zeroed, writable static TLS space the kernel
 * leaves right below the program's own TLS block (below the thread
 * pointer), where ld-elf places the TLS blocks of the objects it loads at
 * start. */
#define BANOS_AT_STATIC_TLS_SPACE 0x1003

#endif
