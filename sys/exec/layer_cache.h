#pragma once
#include <stdint.h>

#include "abi-versions/common/window.h"
#include "lib/error_or.h"
#include "lib/vector.h"
#include "mm/phys_range.h"

// Syscall-layer images, loaded once from /system/syslayer/ and shared by
// every process that maps them: their pages are read-only in every process,
// so one copy in memory serves all.
namespace exec {

struct LayerSegment {
    uint64_t offset;     // from the window's start
    uint8_t protection;  // mm::Protection
    klib::Vector<mm::PhysAddr> frames;
};

struct LayerImage {
    LayerImage() = default;
    LayerImage(const LayerImage&) = delete;
    LayerImage& operator=(const LayerImage&) = delete;
    // Drops the image's references to its frames.
    ~LayerImage();

    uint32_t program_abi;
    bool always_trap;
    banos_layer_descriptor descriptor;
    klib::Vector<LayerSegment> segments;
    uint64_t text_start; // window offsets of the executable segment
    uint64_t text_end;
};

// The layer serving program ABI `program_abi` on this kernel (the
// always-trap variant if asked). NoEntry if there is no such file;
// ExecFormat (with a log line) if the file is not a valid layer for this
// kernel.
klib::ErrorOr<const LayerImage*> find_layer(uint32_t program_abi, bool always_trap);

// Loads every layer file there is, so the first exec of each ABI costs no
// more than later ones (and memory accounting starts from a settled state).
void preload_layers();

} // namespace exec
