#pragma once
// Installing banos modules (DESIGN.md, "banos modules"): check the file,
// place it next to the kernel, resolve its imports against the kernel's and
// its required modules' exports, relocate, seal W^X, run init and only then
// register it and its exports. Every refusal is an error and exactly one
// log line; a refused module leaves nothing behind.
#include "boot/boot_info.h"
#include "lib/error_or.h"
#include "lib/format.h"
#include "lib/span.h"

namespace module {

class Module;

klib::ErrorOr<void> init_modules();

// Installs one module file (the caller checked the privilege). Busy while
// another install is running.
klib::ErrorOr<Module*> install(klib::ReadonlyBytes file);

// Installs the boot loader's modules whose name ends in ".ko", in order.
void install_boot_modules(const boot::BootInfo&);

// The module currently running its init, whose registrations it owns.
Module* installing_module();

// How many modules are installed, and the pages their images hold.
size_t installed_count();
size_t installed_pages();

// One line per installed module, oldest first (/proc/modules).
void write_module_list(klib::FormatSink&);

} // namespace module
