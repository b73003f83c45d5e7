/* The program's syscall-layer window, its ABI note, and the stub-table
 * symbols, for the program ABI this file is assembled for
 * (BANOS_PROGRAM_ABI). Linked into every program (tools/banos-cc lists
 * window.o after crt0.o); see abi-versions/common/window.h.
 *
 * - .banos.window: BANOS_WINDOW_SIZE bytes of page-aligned NOBITS, which
 *   the linker script puts alone in a PT_LOAD and under PT_BANOS_WINDOW.
 *   The kernel maps the syscall layer there at exec.
 * - __banos_slot_<name> = __banos_window + number * BANOS_SLOT_SIZE for
 *   every slot of the ABI's slots.def: hidden function symbols, so each
 *   program or shared object calls into its own window.
 * - .note.banos: a note named "banos", type NT_BANOS_PROGRAM_ABI, whose
 *   4-byte descriptor is the program ABI. */
#include <banos/abi_select.h>
#include <abi-versions/common/window.h>

    .section .banos.window, "aw", @nobits
    .balign BANOS_PAGE_SIZE
    .globl __banos_window
    .hidden __banos_window
    .type __banos_window, @object
__banos_window:
    .skip BANOS_WINDOW_SIZE
    .size __banos_window, BANOS_WINDOW_SIZE

    .if BANOS_WINDOW_SIZE % BANOS_PAGE_SIZE
    .error "the window must be a whole number of pages"
    .endif

#define SLOT(number, result, name, parameters, arguments)                       \
    .if (number) >= BANOS_MAX_SLOTS; .error "slot beyond the stub table"; .endif; \
    .globl __banos_slot_##name;                                                 \
    .hidden __banos_slot_##name;                                                \
    .type __banos_slot_##name, @function;                                       \
    .set __banos_slot_##name, __banos_window + (number) * BANOS_SLOT_SIZE;      \
    .size __banos_slot_##name, BANOS_SLOT_SIZE;
#include BANOS_PROGRAM_SLOTS_DEF
#undef SLOT

    .section .note.banos, "a", @note
    .balign 4
    .long 2f - 1f                   /* name size, NUL included */
    .long 4f - 3f                   /* descriptor size */
    .long NT_BANOS_PROGRAM_ABI
1:  .asciz BANOS_NOTE_NAME
2:  .balign 4
3:  .long BANOS_PROGRAM_ABI
4:  .balign 4

    .section .note.GNU-stack, "", @progbits
