// syslayer_attach: a syscall layer for a window ld-elf found in a shared
// object it mapped. The same mapping as exec's (exec/layer_mapping.h), of
// the variant exec chose for the process.
#include "arch/x86_64/mm/layout.h"
#include "exec/layer_cache.h"
#include "exec/layer_mapping.h"
#include "kabi/kabi.h"
#include "kernel/log.h"
#include "lib/math.h"
#include "mm/physical_memory.h"
#include "proc/process.h"
#include "syscall/syscalls.h"

namespace sys {

klib::ErrorOr<void> syslayer_attach(uint64_t window, uint64_t size, uint32_t program_abi)
{
    proc::Process& process = *proc::current_process();
    uint64_t end;
    if (!klib::is_aligned(window, mm::kPageSize) || !klib::is_aligned(size, mm::kPageSize) || size == 0 || window == 0
        || klib::add_overflows(window, size, &end) || end > arch::layout::kUserTop) {
        klog::debug("syslayer_attach: pid {}: [{:#x}, +{:#x}) is no page-aligned user range", process.pid(), window, size);
        return klib::ErrorCode::Invalid;
    }
    // A missing ABI is ld-elf's error to report, so the log line is for
    // debugging only.
    auto layer = exec::find_layer(program_abi, process.uses_always_trap_layers());
    if (layer.is_error()) {
        klog::debug("syslayer_attach: pid {}: no layer for program ABI {} on kernel ABI {}", process.pid(), program_abi,
                    kabi::kVersion);
        return klib::ErrorCode::ExecFormat;
    }
    if (size < layer.value()->descriptor.window_size) {
        klog::debug("syslayer_attach: pid {}: a window of {} bytes, the program ABI {} layer needs {}", process.pid(),
                    size, program_abi, layer.value()->descriptor.window_size);
        return klib::ErrorCode::Invalid;
    }
    mm::AddressSpace& space = process.address_space();
    for (const mm::Region& region : space.regions()) {
        if (region.start < end && window < region.end && region.locked) {
            klog::debug("syslayer_attach: pid {}: [{:#x}, +{:#x}) touches a window", process.pid(), window, size);
            return klib::ErrorCode::Busy;
        }
    }
    // Whatever the object had there (its zero-filled memory) makes room.
    TRY(space.unmap(window, size));
    TRY(exec::map_layer(space, process, *layer.value(), window));
    const exec::LayerImage& image = *layer.value();
    TRY(process.add_layer_text(window + image.text_start, window + image.text_end));
    return {};
}

} // namespace sys
