#include "kabi/v3/pending.h"

#include "abi-versions/v1/program/types.h" // the kernel's flag numbering (WNOHANG)
#include "abi-versions/v3/program/types.h" // BANOS_POLL*, what sys::poll_events reports
#include "kabi/v3/operations.h"
#include "proc/process.h"
#include "syscall/syscalls.h"
#include "time/clock.h"

namespace kabi::v3 {

namespace {
constexpr uint64_t kNanosecondsPerMillisecond = 1000000;

uint64_t deadline_after(uint64_t duration_ns)
{
    uint64_t now = ktime::monotonic_ns();
    return now + duration_ns < now ? UINT64_MAX : now + duration_ns;
}

// Whether a transfer on `fd` would have to wait now. Errors say no: the
// transfer itself then reports them at once.
bool transfer_would_wait(int fd, bool output)
{
    auto description = proc::current_process()->files().descriptors->get(fd);
    if (description.is_error() || description.value()->is_nonblocking())
        return false;
    // Regular files and directories never make a reader or writer wait.
    vfs::Inode* inode = description.value()->inode();
    if (inode && (inode->is_regular() || inode->is_directory()))
        return false;
    auto events = sys::poll_events(fd);
    if (events.is_error())
        // A descriptor whose readiness the kernel cannot tell waits in
        // AWAIT, which is always right, at the price of one more entry.
        return events.error().code() == klib::ErrorCode::NotImplemented;
    uint16_t ready = (output ? BANOS_POLLOUT : BANOS_POLLIN) | BANOS_POLLERR | BANOS_POLLHUP | BANOS_POLLNVAL;
    return !(events.value() & ready);
}

int remaining_timeout_ms(uint64_t deadline_ns)
{
    if (!deadline_ns)
        return -1;
    uint64_t now = ktime::monotonic_ns();
    if (now >= deadline_ns)
        return 0;
    uint64_t left = (deadline_ns - now + kNanosecondsPerMillisecond - 1) / kNanosecondsPerMillisecond;
    return left > INT32_MAX ? INT32_MAX : static_cast<int>(left);
}

TrapResult finish_sleep(const PendingMessage& record)
{
    uint64_t now = ktime::monotonic_ns();
    uint64_t user_remaining = record.arguments[1];
    if (now >= record.deadline_ns)
        return 0;
    uint64_t remaining = 0;
    auto slept = sys::sleep(record.deadline_ns - now, &remaining);
    if (slept.is_error()) {
        if (user_remaining)
            TRY(mm::copy_to_user(user_remaining, &remaining, sizeof(remaining)));
        return slept.release_error();
    }
    return 0;
}
} // namespace

Started start(PendingMessage& record, const TrapArguments& a)
{
    switch (record.operation) {
    case op_read:
    case op_readv:
        if (record.operation == op_read && a.a2 == 0)
            break;
        if (transfer_would_wait(static_cast<int>(a.a0), false))
            return { Start::Pending, 0 };
        break;
    case op_write:
    case op_writev:
        if (transfer_would_wait(static_cast<int>(a.a0), true))
            return { Start::Pending, 0 };
        break;
    case op_waitpid: {
        int options = static_cast<int>(a.a2);
        if (options & BANOS_WNOHANG)
            break;
        // The probe may reap a child: then it is the call's result.
        auto probe = sys::waitpid(static_cast<int>(a.a0), a.a1, options | BANOS_WNOHANG);
        if (probe.is_error() || probe.value() != 0)
            return { Start::Finished, signed_result(static_cast<klib::ErrorOr<int>&&>(probe)) };
        return { Start::Pending, 0 };
    }
    case op_nanosleep:
        if (a.a0 == 0)
            break;
        record.deadline_ns = deadline_after(a.a0);
        return { Start::Pending, 0 };
    case op_poll: {
        int timeout_ms = static_cast<int>(a.a2);
        if (timeout_ms == 0)
            break;
        auto probe = sys::poll(a.a0, static_cast<uint32_t>(a.a1), 0);
        if (probe.is_error() || probe.value() != 0)
            return { Start::Finished, signed_result(static_cast<klib::ErrorOr<int>&&>(probe)) };
        record.deadline_ns =
            timeout_ms < 0 ? 0 : deadline_after(static_cast<uint64_t>(timeout_ms) * kNanosecondsPerMillisecond);
        return { Start::Pending, 0 };
    }
    default:
        break;
    }
    return { Start::Now, 0 };
}

TrapResult finish(const PendingMessage& record, arch::InterruptFrame& frame)
{
    const uint64_t* v = record.arguments;
    TrapArguments a { v[0], v[1], v[2], v[3], v[4], v[5], &frame };
    switch (record.operation) {
    case op_read:
        return trap_read(a);
    case op_write:
        return trap_write(a);
    case op_readv:
        return trap_readv(a);
    case op_writev:
        return trap_writev(a);
    case op_waitpid:
        return trap_waitpid(a);
    case op_nanosleep:
        return finish_sleep(record);
    case op_poll:
        return signed_result(sys::poll(a.a0, static_cast<uint32_t>(a.a1), remaining_timeout_ms(record.deadline_ns)));
    default:
        // start() leaves no other operation pending.
        return klib::ErrorCode::Invalid;
    }
}

PendingMessage* find(PendingMessages& table, uint64_t address)
{
    for (PendingMessage& slot : table.slots)
        if (slot.address == address && address)
            return &slot;
    return nullptr;
}

void forget(PendingMessages& table, uint64_t address)
{
    if (PendingMessage* slot = find(table, address))
        release(*slot);
}

PendingMessage& claim(PendingMessages& table, const PendingMessage& message)
{
    PendingMessage* chosen = &table.slots[0];
    for (PendingMessage& slot : table.slots) {
        if (!slot.address) {
            chosen = &slot;
            break;
        }
        if (slot.age < chosen->age)
            chosen = &slot;
    }
    *chosen = message;
    chosen->age = ++table.submissions;
    return *chosen;
}

void release(PendingMessage& slot) { slot = PendingMessage {}; }

void clear(PendingMessages& table)
{
    for (PendingMessage& slot : table.slots)
        release(slot);
}

} // namespace kabi::v3
