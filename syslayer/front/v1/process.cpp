// Program ABI 1: process identity, exit, and the layer's own calls.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

extern "C" int32_t layer_syslayer_version() { return layer::kVersionWord; }
extern "C" void layer__exit(int32_t status) { layer::backend::exit(status); }
extern "C" int32_t layer_getpid() { return layer::backend::getpid(); }
extern "C" int32_t layer_getppid() { return layer::backend::getppid(); }
extern "C" uint32_t layer_getuid() { return layer::backend::getuid(); }
extern "C" uint32_t layer_geteuid() { return layer::backend::geteuid(); }
extern "C" uint64_t layer_banos_syscall_count() { return layer::backend::syscall_count(); }
