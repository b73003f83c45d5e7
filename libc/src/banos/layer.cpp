#include <banos.h>
#include <banos/slots.h>

extern "C" {

int syslayer_version(void) { return __banos_slot_syslayer_version(); }
uint64_t banos_syscall_count(void) { return __banos_slot_banos_syscall_count(); }
}
