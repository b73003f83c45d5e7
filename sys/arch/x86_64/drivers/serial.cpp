#include "arch/x86_64/drivers/serial.h"

#include "arch/x86_64/cpu/cpu.h"

namespace arch::serial {

namespace {
constexpr uint16_t kCom1 = 0x3f8;
constexpr uint16_t kData = 0, kInterruptEnable = 1, kFifoControl = 2, kLineControl = 3, kModemControl = 4,
                   kLineStatus = 5;
constexpr uint8_t kTransmitterEmpty = 0x20;

void put(char c)
{
    // Bounded wait: a missing or wedged UART must not hang the kernel.
    for (int spins = 0; spins < 100000 && !(inb(kCom1 + kLineStatus) & kTransmitterEmpty); ++spins)
        pause();
    outb(kCom1 + kData, static_cast<uint8_t>(c));
}
} // namespace

void init()
{
    outb(kCom1 + kInterruptEnable, 0x00);
    outb(kCom1 + kLineControl, 0x80); // divisor latch
    outb(kCom1 + kData, 0x01);        // 115200 baud
    outb(kCom1 + kInterruptEnable, 0x00);
    outb(kCom1 + kLineControl, 0x03); // 8 bits, no parity, one stop bit
    outb(kCom1 + kFifoControl, 0xc7); // FIFO on, cleared, 14-byte threshold
    outb(kCom1 + kModemControl, 0x0b);
}

void write(klib::StringView text)
{
    for (char c : text) {
        if (c == '\n')
            put('\r');
        put(c);
    }
}

} // namespace arch::serial
