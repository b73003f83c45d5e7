#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/spinlock.h"
#include "proc/wait_queue.h"
#include "tty/io_buffer.h"
#include "tty/line_discipline.h"

// A terminal: a line discipline between a device (input from its interrupt
// handlers, output through tty::Output) and the programs that read and
// write it. The file layer calls read/write/ioctl_*; device drivers call
// receive().
namespace tty {

// Delivers a signal to every process in a process group. It runs in
// interrupt context (interrupts off) when a typed ^C raises the signal.
using SignalSender = void (*)(int process_group, int signal);

class Tty {
public:
    // `device` gets echo and output. It is called with the terminal's lock
    // held and interrupts off, so it must not block.
    explicit Tty(Output& device);
    Tty(const Tty&) = delete;
    Tty& operator=(const Tty&) = delete;

    // Blocks until the line discipline has input for a read of `count`
    // bytes (a whole line in canonical mode, VMIN bytes in raw mode), then
    // copies it out. TryAgain instead of blocking when `nonblocking`; 0 at
    // end of file (^D at the start of a line). `interrupted` (may be null)
    // is checked before blocking and after each wake-up: when it says so
    // and no input is there, the read ends with Interrupted. Whoever makes
    // it true must call wake_readers() (a ^C typed here does so itself).
    klib::ErrorOr<size_t> read(IoTarget&, size_t count, bool nonblocking, bool (*interrupted)() = nullptr);
    // Output processing (OPOST/ONLCR), in order with echo. Never blocks.
    klib::ErrorOr<size_t> write(const void* kernel_bytes, size_t count);

    klib::ErrorOr<void> ioctl_get_termios(Termios* out) const;
    // TCSETS (neither), TCSETSW (drain), TCSETSF (drain and flush: pending
    // input is discarded). Output is written synchronously, so there is
    // never anything to drain.
    klib::ErrorOr<void> ioctl_set_termios(const Termios&, bool drain, bool flush);
    klib::ErrorOr<void> ioctl_get_winsize(WindowSize* out) const;
    // A change sends SIGWINCH to the foreground process group.
    klib::ErrorOr<void> ioctl_set_winsize(const WindowSize&);
    // 0 while no process group has been made the foreground one.
    int32_t foreground_process_group() const;
    // Invalid for a negative group; whether the group exists and belongs to
    // the terminal's session is for the caller to check.
    klib::ErrorOr<void> set_foreground_process_group(int32_t process_group);
    void set_signal_sender(SignalSender);

    // Input from the device, as received (interrupt handlers call this with
    // interrupts off; self-tests call it to type). Echoes, raises signals,
    // wakes readers.
    void receive(klib::ReadonlyBytes);
    // Makes blocked readers check their `interrupted` predicate again.
    void wake_readers();
    // Whether a read would find input now (poll's "readable"). Every change
    // of that is announced to poll (proc/io_events.h).
    bool has_input() const;
    // Discards pending input (TCFLSH).
    void flush_input();

private:
    mutable klib::Spinlock lock_;
    LineDiscipline discipline_; // and everything below: under lock_
    Output& device_;
    WindowSize window_size_ { 24, 80, 0, 0 };
    int32_t foreground_ { 0 };
    SignalSender signal_sender_ { nullptr };
    proc::WaitQueue readers_;
};

} // namespace tty
