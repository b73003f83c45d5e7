/* The stub table: the window's first page. Slot k, at offset k * 16, jumps
 * to layer_<name> for every slot in the program ABI's slots.def, and to
 * layer_nosys for numbers the ABI does not assign. */
#include "abi-versions/common/window.h"

#define SLOT(number, return_type, name, parameters, arguments) .set slot_target_##number, layer_##name;
#include BANOS_PROGRAM_SLOTS_DEF
#undef SLOT

    .altmacro
    .macro stub index
    .ifdef slot_target_\index
        jmp slot_target_\index
    .else
        jmp layer_nosys
    .endif
    .balign BANOS_SLOT_SIZE, 0xcc
    .endm

    .section .stubs, "ax", @progbits
    .balign BANOS_PAGE_SIZE
    .globl __layer_stubs
__layer_stubs:
    .set slot_index, 0
    .rept BANOS_MAX_SLOTS
        stub %slot_index
        .set slot_index, slot_index + 1
    .endr
