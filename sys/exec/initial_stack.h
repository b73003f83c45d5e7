#pragma once
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/span.h"
#include "lib/string_view.h"
#include "mm/address_space.h"

namespace exec {

struct AuxEntry {
    uint64_t type;
    uint64_t value;
};

// Maps the stack and lays out the System V initial process stack at its
// top: argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL, then the
// strings and AT_RANDOM's 16 bytes. AT_RANDOM's value is filled in here.
// Returns the initial stack pointer (16-byte aligned, pointing at argc).
klib::ErrorOr<uint64_t> build_initial_stack(mm::AddressSpace&, klib::Span<const klib::StringView> arguments,
                                            klib::Span<const klib::StringView> environment,
                                            klib::Span<AuxEntry> auxv);

} // namespace exec
