#pragma once
// The names modules may import: the kernel's own .banos-export table
// (loaded at boot) and the exports of every installed module, in one hash
// map. A name is exported once; a module offering a name already taken is
// refused before its init runs.
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/optional.h"
#include "lib/string_view.h"

namespace module {

class Module;

struct Export {
    uint64_t address;
    Module* owner; // null for the kernel
};

// Reads the kernel's table (between the linker script's
// __banos_export_start and __banos_export_end) into the map.
klib::ErrorOr<void> load_kernel_exports();

klib::Optional<Export> find_export(klib::StringView name);
// Adds a name (its text must stay valid as long as it is exported).
// Exists if the name is taken.
klib::ErrorOr<void> add_export(klib::StringView name, Export);
void remove_export(klib::StringView name);
size_t export_count();

} // namespace module
