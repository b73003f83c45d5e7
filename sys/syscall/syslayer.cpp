// syslayer_attach: a syscall layer for a window ld-elf found in a shared
// object it mapped. The same mapping as exec's (exec/layer_mapping.h), of
// the variant exec chose for the process. syslayer_detach takes such a
// layer out again when ld-elf unloads the object.
//
// What goes with a detached layer: its mappings of the layer file's pages
// (the layer cache keeps the file for the next process), its private pages
// (freed, their contents lost: a later attach starts from zeroed pages, as
// the first did) and its mappings of the kpmap and upmap (the pages
// themselves serve the system and the process's other windows). The whole
// window range is free afterwards, to be unmapped or reused like any other.
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

namespace {
// Puts the layer into [window, end) and records its text and window; on
// failure nothing of it stays.
klib::ErrorOr<void> attach(proc::Process& process, const exec::LayerImage& layer, uint64_t window, uint64_t end)
{
    mm::AddressSpace& space = process.address_space();
    auto recorded = process.add_layer({ window + layer.text_start, window + layer.text_end, window, end });
    if (recorded.is_error()) {
        klog::debug("syslayer_attach: pid {}: already {} layers, the most a process may have", process.pid(),
                    proc::Process::kMaxLayers);
        return recorded.release_error();
    }
    // Whatever the object had there (its zero-filled memory) makes room.
    auto mapped = space.unmap(window, end - window);
    if (!mapped.is_error())
        mapped = exec::map_layer(space, process, layer, window);
    if (mapped.is_error()) {
        space.remove_locked(window, end);
        process.remove_attached_layer(window);
    }
    return mapped;
}
} // namespace

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
    for (const mm::Region& region : process.address_space().regions()) {
        if (region.start < end && window < region.end && region.locked) {
            klog::debug("syslayer_attach: pid {}: [{:#x}, +{:#x}) touches a window", process.pid(), window, size);
            return klib::ErrorCode::Busy;
        }
    }
    return attach(process, *layer.value(), window, end);
}

klib::ErrorOr<void> syslayer_detach(uint64_t window)
{
    proc::Process& process = *proc::current_process();
    const proc::LayerText* layer = process.attached_layer_at(window);
    if (layer && layer->window_start == window) {
        process.address_space().remove_locked(layer->window_start, layer->window_end);
        process.remove_attached_layer(window);
        return {};
    }
    if (layer) {
        klog::debug("syslayer_detach: pid {}: {:#x} is inside the window attached at {:#x}, not its start",
                    process.pid(), window, layer->window_start);
        return klib::ErrorCode::Invalid;
    }
    // Only layers hold locked regions: one not attached is exec's.
    const mm::Region* region = process.address_space().region_at(window);
    if (region && region->locked) {
        klog::debug("syslayer_detach: pid {}: {:#x} is in a window exec mapped, which stays", process.pid(), window);
        return klib::ErrorCode::NotPermitted;
    }
    klog::debug("syslayer_detach: pid {}: no layer attached at {:#x}", process.pid(), window);
    return klib::ErrorCode::Invalid;
}

} // namespace sys
