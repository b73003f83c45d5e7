#pragma once
#include <stdint.h>

namespace arch {

// Selector order is fixed by syscall/sysret: STAR expects kernel data right
// after kernel code, and user data right before user code.
namespace selector {
constexpr uint16_t kKernelCode = 0x08;
constexpr uint16_t kKernelData = 0x10;
constexpr uint16_t kUserData = 0x18 | 3;
constexpr uint16_t kUserCode = 0x20 | 3;
constexpr uint16_t kTss = 0x28;
} // namespace selector

// Interrupt stack table slots (1-based, as the IDT encodes them).
constexpr uint8_t kIstDoubleFault = 1;
constexpr uint8_t kIstNmi = 2;
constexpr uint8_t kIstMachineCheck = 3;
constexpr uint64_t kIstStackSize = 16384;

struct [[gnu::packed]] Tss {
    uint32_t reserved0;
    uint64_t rsp[3];
    uint64_t reserved1;
    uint64_t ist[7];
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;
};
static_assert(sizeof(Tss) == 104);

struct Gdt {
    uint64_t entries[7]; // null, kcode, kdata, udata, ucode, tss (two slots)
};

} // namespace arch
