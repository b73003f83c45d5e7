/* Non-local jumps. setjmp/longjmp leave the signal mask alone (as glibc's
 * do); sigsetjmp(env, nonzero) saves it and siglongjmp restores it. */
#ifndef __BANOS_SETJMP_H
#define __BANOS_SETJMP_H

#include <sys/cdefs.h>

struct __banos_jmp_buf {
    unsigned long __registers[8]; /* rbx rbp r12 r13 r14 r15 rsp rip */
    int __mask_saved;
    unsigned long __mask;
};
typedef struct __banos_jmp_buf jmp_buf[1];
typedef struct __banos_jmp_buf sigjmp_buf[1];

__BEGIN_DECLS

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
int _setjmp(jmp_buf env) __attribute__((__returns_twice__));
int sigsetjmp(sigjmp_buf env, int save_mask) __attribute__((__returns_twice__));
/* value 0 comes back as 1. */
__BANOS_NORETURN void longjmp(jmp_buf env, int value);
__BANOS_NORETURN void _longjmp(jmp_buf env, int value);
__BANOS_NORETURN void siglongjmp(sigjmp_buf env, int value);

__END_DECLS

#endif
