// The layer's self-description: a "banos" NT_BANOS_LAYER note the kernel
// reads to know which ABIs this layer joins and where in the window its
// private and shared pages go.
#include "abi-versions/common/window.h"
#include "backend.h"
#include "syslayer/layout.h"

namespace {

struct LayerNote {
    uint32_t name_size;
    uint32_t descriptor_size;
    uint32_t type;
    char name[8]; // "banos" padded to 4 bytes
    banos_layer_descriptor descriptor;
};

alignas(4) [[gnu::used, gnu::section(".note.banos.layer")]] const LayerNote kNote = {
    6,
    sizeof(banos_layer_descriptor),
    NT_BANOS_LAYER,
    { 'b', 'a', 'n', 'o', 's', 0, 0, 0 },
    {
        BANOS_LAYER_MAGIC,
        sizeof(banos_layer_descriptor),
        PROGRAM_ABI,
        KERNEL_ABI,
        BANOS_WINDOW_SIZE,
        LAYER_PRIVATE_OFFSET,
        LAYER_PRIVATE_SIZE,
        // Only a layer that reads the shared pages asks for them.
        layer::backend::kHasFastPaths ? LAYER_KPMAP_OFFSET : 0u,
        layer::backend::kHasFastPaths ? LAYER_UPMAP_OFFSET : 0u,
        BANOS_LAYER_ALWAYS_TRAP_FLAG ? BANOS_LAYER_ALWAYS_TRAP : 0u,
    },
};

} // namespace
