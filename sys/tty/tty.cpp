#include "tty/tty.h"

#include "lib/math.h"
#include "proc/io_events.h"

namespace tty {

namespace {
// Bytes moved per lock hold: keeps interrupts off for a bounded time.
constexpr size_t kChunk = 128;
} // namespace

Tty::Tty(Output& device) : device_(device) {}

klib::ErrorOr<size_t> Tty::read(IoTarget& target, size_t count, bool nonblocking, bool (*interrupted)())
{
    if (count == 0)
        return 0;
    unsigned char chunk[kChunk];
    LineDiscipline::ReadResult first { 0, false };
    bool ready = false, gave_up = false;
    // Checking for input and taking the first part of it happen under one
    // hold of the lock, so two readers cannot both see the same line.
    auto take_if_ready = [&] {
        klib::SpinlockGuard guard(lock_);
        if (discipline_.can_read(count)) {
            first = discipline_.read(klib::Bytes(chunk, klib::min(count, sizeof(chunk))));
            ready = true;
        } else if (interrupted && interrupted()) {
            gave_up = true;
        }
        return ready || gave_up;
    };
    if (nonblocking) {
        if (!take_if_ready())
            return klib::ErrorCode::TryAgain;
    } else {
        // A signal for the reader's process also ends the wait.
        auto waited = readers_.wait_interruptible(take_if_ready);
        if (waited.is_error() && !ready)
            return waited.release_error();
    }
    if (!ready)
        return klib::ErrorCode::Interrupted;

    size_t done = 0;
    LineDiscipline::ReadResult part = first;
    for (;;) {
        if (part.bytes) {
            if (auto copied = target.copy_out(done, klib::ReadonlyBytes(chunk, part.bytes)); copied.is_error()) {
                if (done)
                    return done;
                return copied.release_error();
            }
            done += part.bytes;
        }
        // A line (or in raw mode, what was there) is all one read returns.
        if (part.end_of_line || part.bytes == 0 || done == count)
            return done;
        klib::SpinlockGuard guard(lock_);
        part = discipline_.read(klib::Bytes(chunk, klib::min(count - done, sizeof(chunk))));
    }
}

klib::ErrorOr<size_t> Tty::write(const void* kernel_bytes, size_t count)
{
    auto* bytes = static_cast<const unsigned char*>(kernel_bytes);
    for (size_t done = 0; done < count;) {
        size_t n = klib::min(count - done, kChunk);
        klib::SpinlockGuard guard(lock_);
        discipline_.write(klib::ReadonlyBytes(bytes + done, n), device_);
        done += n;
    }
    return count;
}

klib::ErrorOr<void> Tty::ioctl_get_termios(Termios* out) const
{
    klib::SpinlockGuard guard(lock_);
    *out = discipline_.termios();
    return {};
}

klib::ErrorOr<void> Tty::ioctl_set_termios(const Termios& termios, bool, bool flush)
{
    {
        klib::SpinlockGuard guard(lock_);
        if (flush)
            discipline_.flush_input();
        discipline_.set_termios(termios);
    }
    // Leaving canonical mode or lowering VMIN can make input readable.
    readers_.wake_all();
    proc::announce_io_event();
    return {};
}

klib::ErrorOr<void> Tty::ioctl_get_winsize(WindowSize* out) const
{
    klib::SpinlockGuard guard(lock_);
    *out = window_size_;
    return {};
}

klib::ErrorOr<void> Tty::ioctl_set_winsize(const WindowSize& size)
{
    bool changed;
    int32_t group;
    SignalSender sender;
    {
        klib::SpinlockGuard guard(lock_);
        changed = size.ws_row != window_size_.ws_row || size.ws_col != window_size_.ws_col
            || size.ws_xpixel != window_size_.ws_xpixel || size.ws_ypixel != window_size_.ws_ypixel;
        window_size_ = size;
        group = foreground_;
        sender = signal_sender_;
    }
    if (changed && sender && group > 0)
        sender(group, BANOS_SIGWINCH);
    return {};
}

int32_t Tty::foreground_process_group() const
{
    klib::SpinlockGuard guard(lock_);
    return foreground_;
}

klib::ErrorOr<void> Tty::set_foreground_process_group(int32_t process_group)
{
    if (process_group < 0)
        return klib::ErrorCode::Invalid;
    klib::SpinlockGuard guard(lock_);
    foreground_ = process_group;
    return {};
}

void Tty::set_signal_sender(SignalSender sender)
{
    klib::SpinlockGuard guard(lock_);
    signal_sender_ = sender;
}

void Tty::receive(klib::ReadonlyBytes input)
{
    // A burst may hold several ^Cs; each is delivered, in order, after the
    // lock is let go (the sender takes the process subsystem's locks).
    constexpr size_t kMaxSignals = 8;
    int signals[kMaxSignals];
    size_t signal_count = 0;
    int32_t group;
    SignalSender sender;
    {
        klib::SpinlockGuard guard(lock_);
        for (uint8_t byte : input) {
            int signal = discipline_.receive(byte, device_);
            if (signal && signal_count < kMaxSignals)
                signals[signal_count++] = signal;
        }
        group = foreground_;
        sender = signal_sender_;
    }
    if (sender && group > 0) {
        for (size_t i = 0; i < signal_count; ++i)
            sender(group, signals[i]);
    }
    readers_.wake_all();
    proc::announce_io_event();
}

void Tty::wake_readers() { readers_.wake_all(); }

bool Tty::has_input() const
{
    klib::SpinlockGuard guard(lock_);
    return discipline_.readable() > 0;
}

void Tty::flush_input()
{
    klib::SpinlockGuard guard(lock_);
    discipline_.flush_input();
}

} // namespace tty
