#pragma once
#include "boot/boot_info.h"
#include "lib/optional.h"
#include "lib/span.h"
#include "lib/string_view.h"

// The boot image's files: a ustar archive given by the boot loader as a
// module (GRUB's module2, or qemu -initrd). Read-only.
namespace fs {
class UstarArchive;
}

namespace fs::initrd {

// Finds the archive among the modules (the one named "initrd", else the
// first that parses as ustar). Missing or broken archives are logged; the
// system then simply has no files.
void init(const boot::BootInfo&);
bool present();
klib::Optional<klib::ReadonlyBytes> find_file(klib::StringView path);
// The archive itself (null without one), to fill the root file system.
const UstarArchive* archive();

} // namespace fs::initrd
