/* The stub table: slot k of the window is the function __banos_slot_<name>
 * with exactly the C signature slots.def gives it. The symbols are defined
 * (hidden: each program or shared object calls into its own window) by
 * libc/arch/x86_64/window.S from the same slots.def.
 *
 * libc's wrappers call these; programs should call the POSIX functions. */
#ifndef __BANOS_SLOTS_H
#define __BANOS_SLOTS_H

#include <sys/cdefs.h>
#include <stdint.h>
#include <banos/abi.h>

__BEGIN_DECLS

#pragma push_macro("SLOT")
#undef SLOT
#define SLOT(number, result, name, parameters, arguments) \
    __attribute__((__visibility__("hidden"))) result __banos_slot_##name parameters;
#include BANOS_PROGRAM_SLOTS_DEF
#pragma pop_macro("SLOT")

__END_DECLS

#endif
