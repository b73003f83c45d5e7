#include <setjmp.h>
#include <signal.h>

#include "../internal/visibility.h"

extern "C" {

[[noreturn]] void __libc_restore_registers(struct __banos_jmp_buf* env, int value) LIBC_HIDDEN;
int __libc_sigsetjmp_mask(struct __banos_jmp_buf* env, int save_mask) LIBC_HIDDEN;

// sigsetjmp's second half (arch/x86_64/setjmp.S jumps here).
int __libc_sigsetjmp_mask(struct __banos_jmp_buf* env, int save_mask)
{
    env->__mask_saved = 0;
    if (save_mask) {
        sigset_t mask = 0;
        if (sigprocmask(SIG_BLOCK, nullptr, &mask) == 0) {
            env->__mask = mask;
            env->__mask_saved = 1;
        }
    }
    return 0;
}

void siglongjmp(sigjmp_buf env, int value)
{
    if (env->__mask_saved) {
        sigset_t mask = env->__mask;
        sigprocmask(SIG_SETMASK, &mask, nullptr);
    }
    __libc_restore_registers(env, value);
}
}
