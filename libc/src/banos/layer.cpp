#include <banos.h>
#include <banos/slots.h>

extern "C" {

int syslayer_version(void) { return __banos_slot_syslayer_version(); }
uint64_t banos_syscall_count(void) { return __banos_slot_banos_syscall_count(); }
#ifdef BANOS_HAS_SLOT_syslayer_attach
int syslayer_attach(void* window, size_t size, unsigned program_abi)
{
    return __banos_slot_syslayer_attach(window, size, program_abi);
}
#endif
#ifdef BANOS_HAS_SLOT_syslayer_detach
int syslayer_detach(void* window) { return __banos_slot_syslayer_detach(window); }
#endif
}
