// Program ABI 2: ld-elf's requests for a layer in a loaded object's window,
// and for taking it out when the object is unloaded.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

extern "C" int32_t layer_syslayer_attach(void* window, uint64_t size, uint32_t program_abi)
{
    return static_cast<int32_t>(layer::finish(layer::backend::syslayer_attach(window, size, program_abi)));
}

extern "C" int32_t layer_syslayer_detach(void* window)
{
    return static_cast<int32_t>(layer::finish(layer::backend::syslayer_detach(window)));
}
