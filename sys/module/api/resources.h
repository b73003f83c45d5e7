#pragma once
// What a module registered through the exported API, per subsystem, so a
// module whose init fails leaves nothing behind.
#include "lib/error.h"

namespace module {
class Module;
}

namespace module::api {

// Undoes every registration `owner` made (interrupts, devices, probes, file
// system types).
void release_resources(Module* owner);

void release_devices(Module* owner);
void release_probes(Module* owner);
void release_file_system_types(Module* owner);
// sys/arch/x86_64/module/interrupts.cpp
void release_interrupts(Module* owner);

// Error numbers as modules see them (abi-versions/modules/api.h).
int module_error(klib::Error);

} // namespace module::api
