// read and write. Until files exist, descriptors 0, 1 and 2 are the
// console: output goes to the serial line, input is at end of file.
#include "kernel/log.h"
#include "lib/math.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "syscall/syscalls.h"

namespace sys {

namespace {
bool is_console(int fd) { return fd >= 0 && fd <= 2; }

void log_bad_buffer(const char* call, uint64_t buffer)
{
    auto* process = proc::current_process();
    klog::warn("{}: pid {} ({}): buffer {:#x} is not readable/writable user memory", call, process->pid(),
               process->path(), buffer);
}
} // namespace

klib::ErrorOr<uint64_t> write(int fd, uint64_t user_buffer, uint64_t count)
{
    if (!is_console(fd))
        return klib::ErrorCode::BadDescriptor;
    if (!mm::is_user_range(user_buffer, count)) {
        log_bad_buffer("write", user_buffer);
        return klib::ErrorCode::Fault;
    }
    char chunk[256];
    uint64_t done = 0;
    while (done < count) {
        size_t n = klib::min<uint64_t>(count - done, sizeof(chunk));
        if (mm::copy_from_user(chunk, user_buffer + done, n).is_error()) {
            if (done)
                return done;
            log_bad_buffer("write", user_buffer);
            return klib::ErrorCode::Fault;
        }
        klog::write_raw(klib::StringView(chunk, n));
        done += n;
    }
    return done;
}

klib::ErrorOr<uint64_t> read(int fd, uint64_t user_buffer, uint64_t count)
{
    if (!is_console(fd))
        return klib::ErrorCode::BadDescriptor;
    if (!mm::is_user_range(user_buffer, count)) {
        log_bad_buffer("read", user_buffer);
        return klib::ErrorCode::Fault;
    }
    return 0;
}

} // namespace sys
