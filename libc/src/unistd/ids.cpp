#include <banos/slots.h>
#include <unistd.h>

extern "C" {

pid_t getpid(void) { return __banos_slot_getpid(); }
pid_t getppid(void) { return __banos_slot_getppid(); }
uid_t getuid(void) { return __banos_slot_getuid(); }
uid_t geteuid(void) { return __banos_slot_geteuid(); }
}
