// Thread-local storage (variant II): the static blocks of the objects
// loaded at start, below the thread pointer in the space the kernel left
// (BANOS_AT_STATIC_TLS_SPACE), and blocks allocated on first use for
// objects dlopen'ed later, found through the DTV at TCB offset 0x08.
#pragma once
#include <stdint.h>

#include "object.h"
#include "system.h"

namespace ldelf {

// `program_tls_space`: the auxv's BANOS_AT_STATIC_TLS_SPACE.
void tls_start(uint64_t program_tls_space);
// Gives `object` a module id and, at start, a static block (copying its
// image there). False, with the reason, when static space runs out.
bool tls_assign(Object& object, bool at_start, Message& error);
// This thread's address of offset `offset` in module `module`'s block.
uint64_t tls_address(uint64_t module, uint64_t offset);

} // namespace ldelf
