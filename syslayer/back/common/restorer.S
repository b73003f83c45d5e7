/* Where a signal handler returns: the sigreturn trap of the kernel this
 * layer is built for. It has to be layer code - only the layer may enter
 * the kernel. */
#define TRAP(number, name) .set trap_##name, number;
#include BANOS_KERNEL_TRAPS_DEF
#undef TRAP

    .text
    .globl layer_signal_restorer
    .hidden layer_signal_restorer
    .type layer_signal_restorer, @function
layer_signal_restorer:
    mov $trap_sigreturn, %eax
    syscall
    ud2
    .size layer_signal_restorer, . - layer_signal_restorer
