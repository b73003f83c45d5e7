#include "arch/x86_64/drivers/serial.h"

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/interrupts/ioapic.h"
#include "lib/spinlock.h"

namespace arch::serial {

namespace {
constexpr uint16_t kCom1 = 0x3f8;
constexpr uint8_t kIrq = 4;
constexpr uint16_t kData = 0, kInterruptEnable = 1, kFifoControl = 2, kLineControl = 3, kModemControl = 4,
                   kLineStatus = 5;
constexpr uint8_t kDataReady = 0x01;
constexpr uint8_t kTransmitterEmpty = 0x20;
constexpr uint8_t kReceiveInterrupt = 0x01;
constexpr uint8_t kModemNormal = 0x0b; // DTR, RTS, OUT2 (which gates the interrupt line)
constexpr uint8_t kModemLoopback = 0x10;

// Output, and the receive registers: one user at a time.
klib::Spinlock g_lock;
Receiver g_receiver = nullptr;

void put(char c)
{
    // Bounded wait: a missing or wedged UART must not hang the kernel.
    for (int spins = 0; spins < 100000 && !(inb(kCom1 + kLineStatus) & kTransmitterEmpty); ++spins)
        pause();
    outb(kCom1 + kData, static_cast<uint8_t>(c));
}

void receive_pending()
{
    // Reading the data register acknowledges the interrupt; a burst is
    // handed on in pieces, with the lock let go in between (echo writes).
    // The line is edge-triggered, so the handler leaves only once the UART
    // is empty (it cannot refill faster than this drains it).
    for (int round = 0; round < 64; ++round) {
        unsigned char bytes[16];
        size_t count = 0;
        {
            klib::SpinlockGuard guard(g_lock);
            while (count < sizeof(bytes) && (inb(kCom1 + kLineStatus) & kDataReady))
                bytes[count++] = inb(kCom1 + kData);
        }
        if (count == 0)
            return;
        if (Receiver receiver = __atomic_load_n(&g_receiver, __ATOMIC_ACQUIRE))
            receiver(klib::ReadonlyBytes(bytes, count));
    }
}

void handle_interrupt(InterruptFrame&) { receive_pending(); }
} // namespace

void init()
{
    outb(kCom1 + kInterruptEnable, 0x00);
    outb(kCom1 + kLineControl, 0x80); // divisor latch
    outb(kCom1 + kData, 0x01);        // 115200 baud
    outb(kCom1 + kInterruptEnable, 0x00);
    outb(kCom1 + kLineControl, 0x03); // 8 bits, no parity, one stop bit
    outb(kCom1 + kFifoControl, 0xc7); // FIFO on, cleared, 14-byte threshold
    outb(kCom1 + kModemControl, kModemNormal);
}

void write(klib::StringView text)
{
    klib::SpinlockGuard guard(g_lock);
    for (char c : text) {
        if (c == '\n')
            put('\r');
        put(c);
    }
}

void write_bytes(klib::ReadonlyBytes bytes)
{
    klib::SpinlockGuard guard(g_lock);
    for (unsigned char c : bytes)
        put(static_cast<char>(c));
}

klib::ErrorOr<void> enable_receive(Receiver receiver)
{
    __atomic_store_n(&g_receiver, receiver, __ATOMIC_RELEASE);
    TRY(ioapic::route_isa_irq(kIrq, handle_interrupt));
    auto state = klib::interrupts_save_and_disable();
    {
        klib::SpinlockGuard guard(g_lock);
        outb(kCom1 + kInterruptEnable, kReceiveInterrupt);
    }
    ioapic::unmask_isa_irq(kIrq);
    // What arrived before anyone listened may raise no interrupt of its own.
    receive_pending();
    klib::interrupts_restore(state);
    return {};
}

void set_loopback(bool on)
{
    klib::SpinlockGuard guard(g_lock);
    outb(kCom1 + kModemControl, on ? kModemNormal | kModemLoopback : kModemNormal);
}

} // namespace arch::serial
