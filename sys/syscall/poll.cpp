// poll, and the readiness question kernel ABI 3 asks before it leaves a
// read or write pending.
#include "abi-versions/v2/kernel/abi.h"
#include "lib/vector.h"
#include "mm/user_memory.h"
#include "proc/io_events.h"
#include "proc/process.h"
#include "proc/scheduler.h"
#include "syscall/syscalls.h"
#include "time/clock.h"
#include "vfs/file_descriptor_table.h"

namespace sys {

namespace {
constexpr uint64_t kNanosecondsPerMillisecond = 1000000;

// Fills every entry's revents; returns how many have any. A negative fd is
// skipped (revents 0); an fd that is not open reports POLLNVAL. Errors,
// hang-ups and POLLNVAL are reported whether asked for or not.
int scan(klib::Span<banos_k2_pollfd> entries)
{
    vfs::FileDescriptorTable& descriptors = *proc::current_process()->files().descriptors;
    int ready = 0;
    for (banos_k2_pollfd& entry : entries) {
        entry.revents = 0;
        if (entry.fd < 0)
            continue;
        auto description = descriptors.get(entry.fd);
        vfs::PollEvents events = description.is_error() ? vfs::kPollInvalid
                                                        : description.value()->file().poll_events(*description.value());
        constexpr vfs::PollEvents kAlways = vfs::kPollError | vfs::kPollHangUp | vfs::kPollInvalid;
        entry.revents = static_cast<int16_t>(events & (static_cast<uint16_t>(entry.events) | kAlways));
        if (entry.revents)
            ++ready;
    }
    return ready;
}
} // namespace

klib::ErrorOr<int> poll(uint64_t user_entries, uint32_t count, int timeout_ms)
{
    // A signal ends the wait with Interrupted, never restarted (as POSIX
    // lets poll do whatever SA_RESTART says).
    sched::current().syscall_restartable = false;
    if (count > vfs::FileDescriptorTable::kMaxDescriptors)
        return klib::ErrorCode::Invalid;
    klib::Vector<banos_k2_pollfd> entries;
    TRY(entries.try_reserve(count));
    for (uint32_t i = 0; i < count; ++i) {
        banos_k2_pollfd entry;
        TRY(mm::copy_from_user(&entry, user_entries + i * sizeof(entry), sizeof(entry)));
        TRY(entries.try_append(entry));
    }
    uint64_t deadline = 0;
    if (timeout_ms > 0)
        deadline = ktime::monotonic_ns() + static_cast<uint64_t>(timeout_ms) * kNanosecondsPerMillisecond;

    int ready;
    for (;;) {
        // The generation is read before the scan: a change during the scan
        // makes the wait below return at once.
        uint64_t seen = proc::io_event_generation();
        ready = scan(entries.span());
        if (ready || timeout_ms == 0)
            break;
        auto waited = proc::wait_for_io_event(seen, deadline);
        if (waited.is_error()) {
            if (waited.error().code() != klib::ErrorCode::TimedOut)
                return waited.release_error();
            ready = scan(entries.span());
            break;
        }
    }
    if (count)
        TRY(mm::copy_to_user(user_entries, entries.data(), count * sizeof(banos_k2_pollfd)));
    return ready;
}

klib::ErrorOr<uint16_t> poll_events(int fd)
{
    auto description = TRY(proc::current_process()->files().descriptors->get(fd));
    return description->file().poll_events(*description);
}

} // namespace sys
