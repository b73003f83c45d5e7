#include "tty/tty_file.h"

#include "abi-versions/v1/program/types.h"
#include "kernel/log.h"
#include "lib/math.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "proc/signals.h"
#include "tty/console.h"
#include "vfs/devfs/devfs.h"
#include "vfs/file.h"
#include "vfs/file_description.h"
#include "vfs/io_buffer.h"

namespace tty {

namespace {
// The session whose controlling terminal the console is (0: none yet).
int g_console_session = 0;

// Copies a read's bytes into whatever the file layer's buffer is.
class IoBufferTarget final : public IoTarget {
public:
    explicit IoBufferTarget(vfs::IoBuffer& buffer) : buffer_(buffer) {}
    klib::ErrorOr<void> copy_out(size_t offset, klib::ReadonlyBytes bytes) override
    {
        return buffer_.write_to(offset, bytes);
    }

private:
    vfs::IoBuffer& buffer_;
};

bool group_in_session(int group, int session)
{
    bool found = false;
    proc::for_each_process([&](proc::Process& process) {
        if (process.pgid() == group && process.sid() == session && !process.has_exited())
            found = true;
        return !found;
    });
    return found;
}

void signal_group(int group, int signal)
{
    if (group <= 0)
        return;
    proc::for_each_process([&](proc::Process& process) {
        if (process.pgid() == group)
            proc::send_signal(process, signal);
        return true;
    });
}

class TerminalFile final : public vfs::File {
public:
    klib::ErrorOr<size_t> read(vfs::FileDescription& description, uint64_t, vfs::IoBuffer& buffer, size_t count) override
    {
        IoBufferTarget target(buffer);
        return console().read(target, count, description.is_nonblocking(), proc::current_has_pending_signal);
    }

    klib::ErrorOr<size_t> write(vfs::FileDescription&, uint64_t, vfs::IoBuffer& buffer, size_t count) override
    {
        unsigned char chunk[256];
        size_t done = 0;
        while (done < count) {
            size_t n = klib::min(count - done, sizeof(chunk));
            if (auto copied = buffer.read_from(done, klib::Bytes(chunk, n)); copied.is_error())
                return vfs::partial_result(done, copied.error());
            TRY(console().write(chunk, n));
            done += n;
        }
        return done;
    }

    // Output never blocks; a read does until a line (or VMIN bytes) is in.
    vfs::PollEvents poll_events(const vfs::FileDescription&) const override
    {
        return (console().has_input() ? vfs::kPollIn : 0) | vfs::kPollOut;
    }

    klib::ErrorOr<int64_t> ioctl(vfs::FileDescription&, uint32_t request, uint64_t argument) override
    {
        proc::Process& process = *proc::current_process();
        switch (request) {
        case BANOS_TCGETS: {
            Termios termios;
            TRY(console().ioctl_get_termios(&termios));
            TRY(mm::copy_to_user(argument, &termios, sizeof(termios)));
            return 0;
        }
        case BANOS_TCSETS:
        case BANOS_TCSETSW:
        case BANOS_TCSETSF: {
            Termios termios;
            TRY(mm::copy_from_user(&termios, argument, sizeof(termios)));
            TRY(console().ioctl_set_termios(termios, request != BANOS_TCSETS, request == BANOS_TCSETSF));
            return 0;
        }
        case BANOS_TIOCGWINSZ: {
            WindowSize size;
            TRY(console().ioctl_get_winsize(&size));
            TRY(mm::copy_to_user(argument, &size, sizeof(size)));
            return 0;
        }
        case BANOS_TIOCSWINSZ: {
            WindowSize size;
            TRY(mm::copy_from_user(&size, argument, sizeof(size)));
            TRY(console().ioctl_set_winsize(size));
            return 0;
        }
        case BANOS_TIOCGPGRP: {
            int32_t group = console().foreground_process_group();
            TRY(mm::copy_to_user(argument, &group, sizeof(group)));
            return 0;
        }
        case BANOS_TIOCSPGRP: {
            int32_t group;
            TRY(mm::copy_from_user(&group, argument, sizeof(group)));
            if (g_console_session && process.sid() != g_console_session)
                return klib::ErrorCode::NotTerminal;
            if (!group_in_session(group, process.sid()))
                return klib::ErrorCode::NotPermitted;
            TRY(console().set_foreground_process_group(group));
            return 0;
        }
        case BANOS_TIOCSCTTY:
            // A session leader takes the console as its controlling
            // terminal; stealing it from another session needs root.
            if (process.sid() != process.pid())
                return klib::ErrorCode::NotPermitted;
            if (g_console_session && g_console_session != process.sid() && !process.credentials().is_superuser())
                return klib::ErrorCode::NotPermitted;
            g_console_session = process.sid();
            TRY(console().set_foreground_process_group(process.pgid()));
            return 0;
        default:
            return klib::ErrorCode::NotTerminal;
        }
    }
};

klib::ErrorOr<klib::OwnPtr<vfs::File>> open_terminal(void*, uint32_t)
{
    klib::OwnPtr<vfs::File> file = TRY(klib::try_make<TerminalFile>());
    return file;
}
} // namespace

klib::ErrorOr<void> register_console_devices()
{
    console().set_signal_sender(signal_group);
    TRY(vfs::devfs::register_device("console", 0620, open_terminal));
    TRY(vfs::devfs::register_device("tty", 0666, open_terminal));
    return {};
}

} // namespace tty
