// The terminal: a test terminal driven through the same receive() path the
// interrupt handlers use, blocking reads on a kernel thread, and the
// console's real interrupt paths (serial loopback, injected scancodes).
#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/drivers/ps2_keyboard.h"
#include "arch/x86_64/drivers/serial.h"
#include "arch/x86_64/interrupts/ioapic.h"
#include "kernel/ktest.h"
#include "lib/own_ptr.h"
#include "proc/scheduler.h"
#include "proc/thread.h"
#include "time/clock.h"
#include "tty/console.h"
#include "tty/tty.h"

namespace {

class Capture final : public tty::Output {
public:
    void write(klib::ReadonlyBytes bytes) override
    {
        for (unsigned char byte : bytes)
            if (length < sizeof(text))
                text[length++] = static_cast<char>(byte);
    }
    klib::StringView view() const { return klib::StringView(text, length); }
    void clear() { length = 0; }

    char text[256] {};
    size_t length { 0 };
};

struct ReadResult {
    bool ok { false };
    klib::ErrorCode error { klib::ErrorCode::Invalid };
    char text[64] {};
    size_t length { 0 };
    klib::StringView view() const { return klib::StringView(text, length); }
};

// A terminal of its own for a test, on the heap (it is too big for a
// kernel stack to carry comfortably), with what a reader thread needs.
struct TestTerminal {
    Capture device;
    tty::Tty terminal { device };
    bool (*interrupted)() { nullptr };
    ReadResult result;
    bool finished { false };
};

klib::OwnPtr<TestTerminal> make_terminal() { return klib::OwnPtr<TestTerminal>(new (std::nothrow) TestTerminal); }

void type(tty::Tty& terminal, klib::StringView text)
{
    terminal.receive(klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(text.data()), text.size()));
}

ReadResult read(tty::Tty& terminal, size_t count, bool nonblocking, bool (*interrupted)() = nullptr)
{
    ReadResult result;
    tty::KernelIoTarget target(klib::Bytes(reinterpret_cast<unsigned char*>(result.text), sizeof(result.text)));
    auto done = terminal.read(target, count < sizeof(result.text) ? count : sizeof(result.text), nonblocking,
                              interrupted);
    if (done.is_error()) {
        result.error = done.error().code();
        return result;
    }
    result.ok = true;
    result.length = done.value();
    return result;
}

// Waits (halting between interrupts) until `condition` holds or five
// seconds have passed (only a failing test waits that long).
template <typename Condition>
bool wait_briefly(Condition condition)
{
    uint64_t start = ktime::monotonic_ns();
    while (!condition()) {
        if (ktime::monotonic_ns() - start > 5000000000ull)
            return false;
        arch::halt();
    }
    return true;
}

// Signals the test terminal raised.
int g_signal_group = 0;
int g_signal = 0;
int g_signal_count = 0;
void record_signal(int group, int signal)
{
    g_signal_group = group;
    g_signal = signal;
    ++g_signal_count;
}

// A blocking read on a kernel thread of its own, so the test can watch it
// block. If a test gives up while the reader still waits, the reader and
// its terminal are left alone for good rather than freed under it.
void reader_thread(void* argument)
{
    auto* test = static_cast<TestTerminal*>(argument);
    test->result = read(test->terminal, 64, false, test->interrupted);
    __atomic_store_n(&test->finished, true, __ATOMIC_RELEASE);
}

class Reader {
public:
    explicit Reader(klib::OwnPtr<TestTerminal>& test) : test_(test) {}
    ~Reader()
    {
        if (thread_.get() && thread_->state() != proc::ThreadState::Dead) {
            (void)thread_.leak();
            (void)test_.leak();
        }
    }
    klib::ErrorOr<void> start()
    {
        thread_ = TRY(proc::Thread::create_kernel("tty-test", reader_thread, test_.get()));
        sched::make_runnable(*thread_);
        return {};
    }
    proc::ThreadState state() const { return thread_->state(); }

private:
    klib::OwnPtr<TestTerminal>& test_;
    klib::OwnPtr<proc::Thread> thread_;
};

// Runs other threads until `condition` holds (bounded).
template <typename Condition>
bool yield_until(Condition condition)
{
    for (int i = 0; i < 10000 && !condition(); ++i)
        sched::yield();
    return condition();
}

bool g_interrupt_reader = false;
bool reader_is_interrupted() { return __atomic_load_n(&g_interrupt_reader, __ATOMIC_ACQUIRE); }

} // namespace

KTEST(tty_canonical_read_echo_and_output_processing)
{
    auto test = make_terminal();
    KEXPECT(test.get(), "no memory for a test terminal");
    auto& terminal = test->terminal;
    auto& device = test->device;
    type(terminal, "helo\x7flo\r");
    KEXPECT(device.view() == "helo\b \blo\r\n", "echo was '{}'", device.view());
    auto line = read(terminal, 64, true);
    KEXPECT(line.ok && line.view() == "hello\n", "read gave '{}'", line.view());
    auto again = read(terminal, 64, true);
    KEXPECT(!again.ok && again.error == klib::ErrorCode::TryAgain, "a second nonblocking read did not say TryAgain");
    device.clear();
    auto written = terminal.write("a\nb", 3);
    KEXPECT(!written.is_error() && written.value() == 3, "write failed");
    KEXPECT(device.view() == "a\r\nb", "output was '{}'", device.view());
}

KTEST(tty_end_of_file_reads_zero_bytes)
{
    auto test = make_terminal();
    KEXPECT(test.get(), "no memory for a test terminal");
    auto& terminal = test->terminal;
    type(terminal, "ab\x04\x04");
    auto first = read(terminal, 64, true);
    KEXPECT(first.ok && first.view() == "ab", "read gave '{}'", first.view());
    auto end = read(terminal, 64, true);
    KEXPECT(end.ok && end.length == 0, "^D at the start of a line did not read as end of file");
}

KTEST(tty_ctrl_c_signals_the_foreground_group)
{
    auto test = make_terminal();
    KEXPECT(test.get(), "no memory for a test terminal");
    auto& terminal = test->terminal;
    terminal.set_signal_sender(record_signal);
    g_signal_count = 0;
    type(terminal, "\x03");
    KEXPECT(g_signal_count == 0, "a signal went out with no foreground group");
    KEXPECT(terminal.set_foreground_process_group(-1).is_error(), "a negative group was accepted");
    KEXPECT(!terminal.set_foreground_process_group(42).is_error(), "setting the foreground group failed");
    KEXPECT(terminal.foreground_process_group() == 42, "the foreground group did not stick");
    type(terminal, "typed\x03");
    KEXPECT(g_signal_count == 1 && g_signal_group == 42 && g_signal == BANOS_SIGINT,
            "^C sent {} signal(s), last {} to group {}", g_signal_count, g_signal, g_signal_group);
    type(terminal, "\x1c");
    KEXPECT(g_signal == BANOS_SIGQUIT, "^\\ sent signal {}", g_signal);
    type(terminal, "\x1a");
    KEXPECT(g_signal == BANOS_SIGTSTP, "^Z sent signal {}", g_signal);
    KEXPECT(!terminal.has_input(), "the ^C did not discard the typed line");
    tty::WindowSize size {};
    KEXPECT(!terminal.ioctl_get_winsize(&size).is_error() && size.ws_row == 24 && size.ws_col == 80,
            "the default window is {}x{}", size.ws_row, size.ws_col);
    size.ws_row = 50;
    KEXPECT(!terminal.ioctl_set_winsize(size).is_error(), "setting the window size failed");
    KEXPECT(g_signal == BANOS_SIGWINCH, "a window size change sent signal {}", g_signal);
}

KTEST(tty_raw_mode_waits_for_vmin_bytes)
{
    auto test = make_terminal();
    KEXPECT(test.get(), "no memory for a test terminal");
    auto& terminal = test->terminal;
    auto& device = test->device;
    tty::Termios termios {};
    KEXPECT(!terminal.ioctl_get_termios(&termios).is_error(), "TCGETS failed");
    KEXPECT(termios.c_lflag & BANOS_ICANON, "a new terminal is not canonical");
    termios.c_lflag &= ~(BANOS_ICANON | BANOS_ECHO);
    termios.c_cc[BANOS_VMIN] = 2;
    KEXPECT(!terminal.ioctl_set_termios(termios, false, false).is_error(), "TCSETS failed");
    type(terminal, "x");
    auto early = read(terminal, 64, true);
    KEXPECT(!early.ok && early.error == klib::ErrorCode::TryAgain, "one byte satisfied VMIN 2");
    type(terminal, "\x7fz");
    auto bytes = read(terminal, 64, true);
    KEXPECT(bytes.ok && bytes.view() == "x\x7fz", "raw read gave '{}'", bytes.view());
    KEXPECT(device.length == 0, "raw mode without ECHO echoed '{}'", device.view());
}

KTEST(tty_blocked_reader_wakes_when_a_line_arrives)
{
    auto test = make_terminal();
    KEXPECT(test.get(), "no memory for a test terminal");
    auto& terminal = test->terminal;
    Reader reader(test);
    auto started = reader.start();
    KEXPECT(!started.is_error(), "no reader thread: {}", started.error());
    KEXPECT(yield_until([&] { return reader.state() == proc::ThreadState::Blocked; }),
            "the reader did not block on an empty terminal");
    type(terminal, "par");
    sched::yield();
    KEXPECT(reader.state() == proc::ThreadState::Blocked && !test->finished, "half a line ended the read");
    type(terminal, "tial\n");
    KEXPECT(yield_until([&] { return reader.state() == proc::ThreadState::Dead; }),
            "the reader was not woken by a line");
    KEXPECT(test->result.ok && test->result.view() == "partial\n", "the reader got '{}'", test->result.view());
}

KTEST(tty_blocked_reader_can_be_interrupted)
{
    auto test = make_terminal();
    KEXPECT(test.get(), "no memory for a test terminal");
    auto& terminal = test->terminal;
    g_interrupt_reader = false;
    test->interrupted = reader_is_interrupted;
    Reader reader(test);
    auto started = reader.start();
    KEXPECT(!started.is_error(), "no reader thread: {}", started.error());
    KEXPECT(yield_until([&] { return reader.state() == proc::ThreadState::Blocked; }), "the reader did not block");
    __atomic_store_n(&g_interrupt_reader, true, __ATOMIC_RELEASE);
    terminal.wake_readers();
    KEXPECT(yield_until([&] { return reader.state() == proc::ThreadState::Dead; }),
            "the reader did not give up when interrupted");
    KEXPECT(!test->result.ok && test->result.error == klib::ErrorCode::Interrupted,
            "the interrupted read did not fail with Interrupted");
}

KTEST(tty_ioapic_routes_the_console_irqs)
{
    KEXPECT(arch::ioapic::is_initialized(), "no I/O APIC");
    // QEMU's pc machine has the timer (IRQ 0) on GSI 2.
    KEXPECT(arch::ioapic::isa_irq_gsi(0).value_or(0) == 2, "IRQ 0 is not on GSI 2");
    for (unsigned irq : { 1u, 4u }) {
        uint32_t gsi = arch::ioapic::isa_irq_gsi(static_cast<uint8_t>(irq)).value_or(0xff);
        auto entry = arch::ioapic::redirection_entry(gsi);
        KEXPECT(entry.has_value(), "no redirection entry for IRQ {}", irq);
        uint64_t vector = *entry & 0xff;
        KEXPECT(vector == arch::ioapic::kIsaVectorBase + irq, "IRQ {} goes to vector {:#x}", irq, vector);
        KEXPECT(!(*entry & (1u << 16)), "IRQ {} is masked", irq);
    }
}

namespace {
// Quiets the console (no echo, no signals) and empties it for a test, and
// puts everything back afterwards.
class QuietConsole {
public:
    QuietConsole()
    {
        (void)tty::console().ioctl_get_termios(&saved_);
        tty::Termios quiet = saved_;
        quiet.c_lflag &= ~(BANOS_ECHO | BANOS_ISIG);
        (void)tty::console().ioctl_set_termios(quiet, false, true);
    }
    ~QuietConsole() { (void)tty::console().ioctl_set_termios(saved_, false, true); }

private:
    tty::Termios saved_ {};
};
} // namespace

KTEST(tty_serial_receive_interrupt_feeds_the_console)
{
    QuietConsole quiet;
    // In loopback the UART receives what it sends, and interrupts for it.
    arch::serial::set_loopback(true);
    const unsigned char line[] = { 'l', 'o', 'o', 'p', '\r' };
    arch::serial::write_bytes(klib::ReadonlyBytes(line, sizeof(line)));
    bool arrived = wait_briefly([] { return tty::console().has_input(); });
    arch::serial::set_loopback(false);
    KEXPECT(arrived, "no serial input reached the console");
    auto result = read(tty::console(), 64, true);
    KEXPECT(result.ok && result.view() == "loop\n", "the console read '{}'", result.view());
}

KTEST(tty_keyboard_interrupt_feeds_the_console)
{
    QuietConsole quiet;
    // Shift+A, 1, Enter, as scancodes from the keyboard controller.
    for (uint8_t scancode : { 0x2a, 0x1e, 0x9e, 0xaa, 0x02, 0x82, 0x1c, 0x9c }) {
        auto injected = arch::ps2_keyboard::inject_scancode(scancode);
        KEXPECT(!injected.is_error(), "the keyboard controller refused a scancode: {}", injected.error());
    }
    KEXPECT(wait_briefly([] { return tty::console().has_input(); }), "no key press reached the console");
    auto result = read(tty::console(), 64, true);
    KEXPECT(result.ok && result.view() == "A1\n", "the console read '{}'", result.view());
}
