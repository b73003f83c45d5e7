#include "tty/console.h"

#include "arch/x86_64/drivers/ps2_keyboard.h"
#include "arch/x86_64/drivers/serial.h"
#include "arch/x86_64/interrupts/ioapic.h"
#include "kernel/log.h"

namespace tty {

namespace {
class SerialOutput final : public Output {
public:
    void write(klib::ReadonlyBytes bytes) override { arch::serial::write_bytes(bytes); }
};

SerialOutput g_serial_output;
Tty g_console(g_serial_output);

void receive(klib::ReadonlyBytes bytes) { g_console.receive(bytes); }
} // namespace

Tty& console() { return g_console; }

void init(const boot::BootInfo& info)
{
    if (auto routed = arch::ioapic::init(info); routed.is_error()) {
        klog::warn("tty: no interrupt routing ({}); the console takes no input", routed.error());
        return;
    }
    if (auto serial = arch::serial::enable_receive(receive); serial.is_error())
        klog::warn("tty: serial receive interrupts: {}", serial.error());
    bool keyboard = true;
    if (auto found = arch::ps2_keyboard::init(); found.is_error()) {
        klog::info("tty: no PS/2 keyboard ({})", found.error());
        keyboard = false;
    } else {
        arch::ps2_keyboard::set_receiver(receive);
    }
    klog::info("tty: console input from the serial line{}", keyboard ? " and the PS/2 keyboard" : "");
}

} // namespace tty
