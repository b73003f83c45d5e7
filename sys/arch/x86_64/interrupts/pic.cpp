#include "arch/x86_64/interrupts/pic.h"

#include "arch/x86_64/cpu/cpu.h"

namespace arch::pic {

void disable()
{
    constexpr uint16_t kMasterCommand = 0x20, kMasterData = 0x21, kSlaveCommand = 0xa0, kSlaveData = 0xa1;
    // ICW1..ICW4: remap to vectors 0xe0..0xef so a stray IRQ is not mistaken
    // for an exception, then mask everything.
    outb(kMasterCommand, 0x11);
    outb(kSlaveCommand, 0x11);
    outb(kMasterData, 0xe0);
    outb(kSlaveData, 0xe8);
    outb(kMasterData, 0x04);
    outb(kSlaveData, 0x02);
    outb(kMasterData, 0x01);
    outb(kSlaveData, 0x01);
    outb(kMasterData, 0xff);
    outb(kSlaveData, 0xff);
}

} // namespace arch::pic
