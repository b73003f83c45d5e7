// rtcticks: a driver for the CMOS real-time clock's periodic interrupt
// (ISA IRQ 8) at 16 Hz. /dev/rtcticks reads the number of interrupts so
// far, "N\n", after waiting for the next one, so two reads always differ.
// init checks that interrupts arrive (sleeping a little) and fails with
// NoDevice if none does.
#include "abi-versions/modules/api.h"
#include "sys/modules/lib/module_text.h"

namespace {

constexpr uint16_t kIndexPort = 0x70, kDataPort = 0x71;
constexpr uint8_t kRegisterA = 0x0a, kRegisterB = 0x0b, kRegisterC = 0x0c;
constexpr uint8_t kPeriodicEnable = 0x40;
constexpr uint8_t kRate16Hz = 12; // 32768 >> (12 - 1)
constexpr unsigned kIrq = 8;

volatile uint64_t g_ticks = 0;
banos_wait_queue* g_queue = nullptr;

uint8_t read_register(uint8_t index)
{
    banos_port_write8(kIndexPort, index);
    return banos_port_read8(kDataPort);
}

void write_register(uint8_t index, uint8_t value)
{
    banos_port_write8(kIndexPort, index);
    banos_port_write8(kDataPort, value);
}

void on_interrupt(void*)
{
    // Reading C acknowledges the interrupt; without it no other comes.
    (void)read_register(kRegisterC);
    g_ticks = g_ticks + 1;
    banos_wait_queue_wake_all(g_queue);
}

struct Wait {
    uint64_t from;
};

int ticked(void* argument) { return g_ticks != static_cast<Wait*>(argument)->from; }

int64_t rtcticks_read(void*, uint64_t offset, void* buffer, uint64_t count)
{
    if (offset > 0)
        return 0;
    Wait wait { g_ticks };
    int waited = banos_wait_queue_wait(g_queue, ticked, &wait);
    if (waited != 0)
        return waited;
    char text[24];
    size_t length = module_text::decimal(text, g_ticks);
    text[length++] = '\n';
    return module_text::read_text(text, length, 0, buffer, count);
}

const banos_chardev_ops kOps = { rtcticks_read, nullptr };

void stop_clock() { write_register(kRegisterB, read_register(kRegisterB) & ~kPeriodicEnable); }

void rtcticks_uninit()
{
    stop_clock();
    banos_irq_detach(kIrq);
    banos_wait_queue_destroy(g_queue);
}

int rtcticks_init()
{
    g_queue = banos_wait_queue_create();
    if (!g_queue)
        return -BANOS_E_NoMemory;
    int attached = banos_irq_attach(kIrq, on_interrupt, nullptr);
    if (attached != 0) {
        banos_wait_queue_destroy(g_queue);
        return attached;
    }
    write_register(kRegisterA, static_cast<uint8_t>((read_register(kRegisterA) & 0xf0) | kRate16Hz));
    write_register(kRegisterB, read_register(kRegisterB) | kPeriodicEnable);
    (void)read_register(kRegisterC);
    int slept = banos_sleep_ns(300 * 1000 * 1000ull); // about five interrupts
    if (slept != 0) {
        rtcticks_uninit(); // interrupted
        return slept;
    }
    if (g_ticks == 0) {
        banos_log(BANOS_LOG_WARN, "rtcticks: the real-time clock raised no interrupt");
        rtcticks_uninit();
        return -BANOS_E_NoDevice;
    }
    int registered = banos_chardev_register("rtcticks", 0444, &kOps, nullptr);
    if (registered != 0) {
        rtcticks_uninit();
        return registered;
    }
    banos_log(BANOS_LOG_INFO, "rtcticks: the real-time clock interrupts 16 times a second");
    return 0;
}

} // namespace

BANOS_DRIVER("rtcticks", "BSD-2-Clause", "1.0", rtcticks_init, rtcticks_uninit);
