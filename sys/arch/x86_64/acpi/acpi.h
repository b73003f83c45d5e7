#pragma once
#include "arch/x86_64/acpi/tables.h"
#include "boot/boot_info.h"
#include "lib/error_or.h"

namespace arch::acpi {

// The interrupt set-up the firmware describes in its MADT, found through
// the RSDP the boot loader passed (GRUB) or, failing that, the one in the
// BIOS areas (qemu -kernel). NoEntry when there is no ACPI or no MADT.
klib::ErrorOr<InterruptInfo> read_interrupt_info(const boot::BootInfo&);

} // namespace arch::acpi
