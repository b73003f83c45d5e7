#pragma once
// What a module registered through the exported API, per subsystem, so a
// module whose init fails leaves nothing behind.
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"

namespace module {
class Module;
}

namespace module::api {

// Undoes every registration `owner` made (interrupts, devices, probes, file
// system types, timers, the scheduler hook).
void release_resources(Module* owner);

void release_devices(Module* owner);
void release_probes(Module* owner);
void release_file_system_types(Module* owner);
void release_timers(Module* owner);
void release_scheduler_hook(Module* owner);
// sys/arch/x86_64/module/interrupts.cpp
void release_interrupts(Module* owner);

// Error numbers as modules see them (abi-versions/modules/api.h), and a
// callback's count-or-negative-error result as the kernel's (an unknown
// error number becomes IoError).
int module_error(klib::Error);
klib::ErrorOr<uint64_t> kernel_result(int64_t value);

// Kernel memory a module's read or write callback works on; the kernel
// copies to and from the caller around the call.
constexpr size_t kBounceSize = 4096;
struct Bounce {
    unsigned char bytes[kBounceSize];
};

} // namespace module::api
