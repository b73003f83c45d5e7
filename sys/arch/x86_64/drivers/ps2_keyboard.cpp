#include "arch/x86_64/drivers/ps2_keyboard.h"

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/interrupts/ioapic.h"
#include "kernel/log.h"
#include "lib/spinlock.h"
#include "tty/scancode_set1.h"

namespace arch::ps2_keyboard {

namespace {
constexpr uint16_t kDataPort = 0x60;
constexpr uint16_t kStatusPort = 0x64, kCommandPort = 0x64;
constexpr uint8_t kIrq = 1;

constexpr uint8_t kOutputFull = 0x01, kInputFull = 0x02, kAuxiliaryData = 0x20;
constexpr uint8_t kReadConfig = 0x20, kWriteConfig = 0x60, kDisableAuxiliary = 0xa7, kDisableKeyboard = 0xad,
                  kEnableKeyboard = 0xae, kWriteKeyboardOutput = 0xd2;
constexpr uint8_t kConfigKeyboardInterrupt = 0x01, kConfigAuxiliaryInterrupt = 0x02,
                  kConfigKeyboardClockOff = 0x10, kConfigTranslate = 0x40;
constexpr int kSpinLimit = 100000;

// Controller commands, and the decoder and ring the handler uses.
klib::Spinlock g_lock;
tty::ScancodeSet1Decoder g_decoder;
Receiver g_receiver = nullptr;
unsigned char g_ring[64];
size_t g_ring_start = 0, g_ring_count = 0;
bool g_ready = false;

bool wait_until_writable()
{
    for (int spins = 0; spins < kSpinLimit; ++spins) {
        if (!(inb(kStatusPort) & kInputFull))
            return true;
        pause();
    }
    return false;
}

bool wait_until_readable()
{
    for (int spins = 0; spins < kSpinLimit; ++spins) {
        if (inb(kStatusPort) & kOutputFull)
            return true;
        pause();
    }
    return false;
}

bool wait_until_empty()
{
    for (int spins = 0; spins < 100 * kSpinLimit; ++spins) {
        if (!(inb(kStatusPort) & kOutputFull))
            return true;
        pause();
    }
    return false;
}

klib::ErrorOr<void> command(uint8_t byte)
{
    if (!wait_until_writable())
        return klib::ErrorCode::TimedOut;
    outb(kCommandPort, byte);
    return {};
}

klib::ErrorOr<void> write_data(uint8_t byte)
{
    if (!wait_until_writable())
        return klib::ErrorCode::TimedOut;
    outb(kDataPort, byte);
    return {};
}

klib::ErrorOr<uint8_t> read_data()
{
    if (!wait_until_readable())
        return klib::ErrorCode::TimedOut;
    return inb(kDataPort);
}

void keep_in_ring(klib::ReadonlyBytes bytes)
{
    for (unsigned char byte : bytes) {
        if (g_ring_count == sizeof(g_ring)) {
            g_ring_start = (g_ring_start + 1) % sizeof(g_ring);
            --g_ring_count;
        }
        g_ring[(g_ring_start + g_ring_count++) % sizeof(g_ring)] = byte;
    }
}

void handle_interrupt(InterruptFrame&)
{
    unsigned char bytes[4 * tty::ScancodeSet1Decoder::kMaxOutput];
    size_t count = 0;
    Receiver receiver;
    {
        klib::SpinlockGuard guard(g_lock);
        for (int i = 0; i < 4; ++i) {
            uint8_t status = inb(kStatusPort);
            if (!(status & kOutputFull))
                break;
            uint8_t scancode = inb(kDataPort);
            if (status & kAuxiliaryData)
                continue; // a mouse byte
            uint8_t produced[tty::ScancodeSet1Decoder::kMaxOutput];
            size_t n = g_decoder.feed(scancode, produced);
            for (size_t j = 0; j < n; ++j)
                bytes[count++] = produced[j];
        }
        receiver = g_receiver;
        if (!receiver)
            keep_in_ring(klib::ReadonlyBytes(bytes, count));
    }
    if (receiver && count)
        receiver(klib::ReadonlyBytes(bytes, count));
}

klib::ErrorOr<void> configure()
{
    TRY(command(kDisableKeyboard));
    TRY(command(kDisableAuxiliary));
    for (int i = 0; i < 32 && (inb(kStatusPort) & kOutputFull); ++i)
        (void)inb(kDataPort);
    TRY(command(kReadConfig));
    uint8_t config = TRY(read_data());
    config |= kConfigKeyboardInterrupt | kConfigTranslate;
    config &= static_cast<uint8_t>(~(kConfigAuxiliaryInterrupt | kConfigKeyboardClockOff));
    TRY(command(kWriteConfig));
    TRY(write_data(config));
    TRY(command(kEnableKeyboard));
    return {};
}
} // namespace

klib::ErrorOr<void> init()
{
    // A missing controller reads as all ones.
    if (inb(kStatusPort) == 0xff)
        return klib::ErrorCode::NoDevice;
    {
        klib::SpinlockGuard guard(g_lock);
        if (auto configured = configure(); configured.is_error()) {
            klog::warn("ps2: the keyboard controller does not respond: {}", configured.error());
            return klib::ErrorCode::NoDevice;
        }
    }
    TRY(ioapic::route_isa_irq(kIrq, handle_interrupt));
    ioapic::unmask_isa_irq(kIrq);
    g_ready = true;
    return {};
}

void set_receiver(Receiver receiver)
{
    // The ring is emptied and the receiver set with the handler held off,
    // so nothing overtakes what waited.
    auto state = klib::interrupts_save_and_disable();
    unsigned char waiting[sizeof(g_ring)];
    size_t count;
    {
        klib::SpinlockGuard guard(g_lock);
        count = g_ring_count;
        for (size_t i = 0; i < count; ++i)
            waiting[i] = g_ring[(g_ring_start + i) % sizeof(g_ring)];
        g_ring_start = g_ring_count = 0;
        g_receiver = receiver;
    }
    if (receiver && count)
        receiver(klib::ReadonlyBytes(waiting, count));
    klib::interrupts_restore(state);
}

klib::ErrorOr<void> inject_scancode(uint8_t scancode)
{
    if (!g_ready)
        return klib::ErrorCode::NoDevice;
    // The controller holds one byte: wait for the interrupt handler to take
    // the previous one (interrupts must be on).
    if (!wait_until_empty())
        return klib::ErrorCode::TimedOut;
    klib::SpinlockGuard guard(g_lock);
    TRY(command(kWriteKeyboardOutput));
    TRY(write_data(scancode));
    return {};
}

} // namespace arch::ps2_keyboard
