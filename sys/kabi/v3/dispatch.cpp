// Kernel ABI 3: one trap carrying a message (abi-versions/v3/kernel/abi.h).
// rax = BANOS_K3_ENTER, rdi = the message, rsi = SUBMIT or AWAIT; the
// answer goes to rax (value) and rdx (0, an error code or PENDING) and into
// the message's state, value and error. Operations are decoded by the same
// trap_<name> functions as kernel ABIs 1 and 2 wherever the arguments
// agree (operations.h has the rest); pending.h decides what waits.
#include "abi-versions/v3/kernel/abi.h"
#include "kabi/kabi.h"
#include "kabi/shared_pages/shared_pages.h"
#include "kabi/v3/error_codes.h"
#include "kabi/v3/operations.h"
#include "kabi/v3/pending.h"
#include "kernel/log.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "proc/scheduler.h"
#include "syscall/tracepoint.h"

namespace kabi {

namespace {
using kabi::PendingMessage;

static_assert(offsetof(banos_k3_message, state) == 4 && offsetof(banos_k3_message, value) == 56
                  && offsetof(banos_k3_message, error) == 64,
              "the answer is written where abi.h puts it");

// What goes back: rax, rdx, and the message's state.
struct Answer {
    uint64_t value;
    uint32_t error; // 0, a kernel error code, or BANOS_K3_PENDING
    uint32_t state;
};

Answer answer_of(const TrapResult& result)
{
    if (result.is_error())
        return { 0, v3::error_code(result.error().code()), BANOS_K3_STATE_DONE };
    return { result.value(), 0, BANOS_K3_STATE_DONE };
}

bool is_interrupted(const TrapResult& result)
{
    return result.is_error() && result.error().code() == klib::ErrorCode::Interrupted;
}

void log_bad_entry(const char* what, uint64_t detail)
{
    proc::Process& process = *proc::current_process();
    klog::warn("kabi3: pid {} ({}): {} ({:#x})", process.pid(), process.path(), what, detail);
}

// Registers always; the message unless it cannot take it (then the
// registers still carry the answer, and one line says why).
void answer(arch::InterruptFrame& frame, uint64_t message, const Answer& a)
{
    frame.rax = a.value;
    frame.rdx = a.error;
    struct {
        int64_t value;
        uint32_t error;
    } result { static_cast<int64_t>(a.value), a.error };
    if (mm::copy_to_user(message + offsetof(banos_k3_message, state), &a.state, sizeof(a.state)).is_error()
        || mm::copy_to_user(message + offsetof(banos_k3_message, value), &result, 12).is_error())
        log_bad_entry("cannot write the answer into the message", message);
}

bool refuse(arch::InterruptFrame& frame, klib::ErrorCode code)
{
    frame.rax = 0;
    frame.rdx = v3::error_code(code);
    return false;
}

TrapResult run(uint32_t operation, const TrapArguments& a)
{
    switch (operation) {
#define OP(number, name)         \
    case number:                 \
        sys::trace_syscall(#name); \
        return trap_##name(a);
#include "abi-versions/v3/kernel/ops.def"
#undef OP
    default:
        return klib::ErrorCode::NotImplemented;
    }
}

bool is_known(uint32_t operation)
{
    switch (operation) {
#define OP(number, name) case number:
#include "abi-versions/v3/kernel/ops.def"
#undef OP
        return true;
    default:
        return false;
    }
}

bool submit(arch::InterruptFrame& frame, uint64_t address)
{
    banos_k3_message message;
    if (mm::copy_from_user(&message, address, sizeof(message)).is_error()) {
        log_bad_entry("the message is not readable", address);
        return refuse(frame, klib::ErrorCode::Fault);
    }
    if (!is_known(message.operation)) {
        log_bad_entry("unknown operation", message.operation);
        return refuse(frame, klib::ErrorCode::NotImplemented);
    }
    const uint64_t* v = message.arguments;
    TrapArguments arguments { v[0], v[1], v[2], v[3], v[4], v[5], &frame };
    PendingMessages& table = sched::current().pending_messages;
    // Whatever was pending at this address is over: its stack slot is
    // being reused.
    v3::forget(table, address);

    PendingMessage candidate {};
    candidate.address = address;
    candidate.operation = message.operation;
    for (int i = 0; i < 6; ++i)
        candidate.arguments[i] = v[i];
    v3::Started started = v3::start(candidate, arguments);
    if (started.how == v3::Start::Pending) {
        v3::claim(table, candidate);
        answer(frame, address, { 0, BANOS_K3_PENDING, BANOS_K3_STATE_PENDING });
        return false;
    }
    TrapResult result = started.how == v3::Start::Finished ? static_cast<TrapResult&&>(started.result)
                                                             : run(message.operation, arguments);

    if (!result.is_error()) {
        // These replaced the whole register state: the new program's
        // entry, or the code a signal interrupted. Nothing to write (the
        // restorer's message is read-only; exec's old memory is gone).
        if (message.operation == v3::op_execve) {
            v3::clear(table);
            return false;
        }
        if (message.operation == v3::op_sigreturn)
            return false;
    } else if (message.operation == v3::op_sigreturn) {
        frame.rax = 0;
        frame.rdx = v3::error_code(result.error().code());
        return false;
    }
    answer(frame, address, answer_of(result));
    return is_interrupted(result);
}

bool await(arch::InterruptFrame& frame, uint64_t address)
{
    PendingMessages& table = sched::current().pending_messages;
    PendingMessage* record = v3::find(table, address);
    if (!record) {
        log_bad_entry("AWAIT of a message that is not pending", address);
        return refuse(frame, klib::ErrorCode::Invalid);
    }
    TrapResult result = v3::finish(*record, frame);
    if (is_interrupted(result)) {
        // Still pending: a restarted AWAIT resumes it.
        answer(frame, address, { 0, v3::error_code(klib::ErrorCode::Interrupted), BANOS_K3_STATE_PENDING });
        return true;
    }
    // finish() may have blocked, and a signal handler cannot run in
    // between (delivery happens on the way out), so the record is still
    // this message's.
    v3::release(*record);
    answer(frame, address, answer_of(result));
    return false;
}
} // namespace

void init() { shared::init_kpmap(BANOS_KERNEL_ABI_V3, shared::PerCpuRecords::Yes); }
void process_created(proc::Process& process) { shared::process_created(process); }
void process_ids_changed(proc::Process& process) { shared::process_ids_changed(process); }
void timer_tick() { shared::update_coarse_time(); }

bool dispatch(arch::InterruptFrame& frame)
{
    uint64_t entry = frame.rax, address = frame.rdi, mode = frame.rsi;
    // fork copies this frame for the child, with rax = 0: its rdx must say
    // "no error" too. Every other answer overwrites rdx.
    frame.rdx = 0;
    if (entry != BANOS_K3_ENTER) {
        log_bad_entry("system call number is not BANOS_K3_ENTER", entry);
        return refuse(frame, klib::ErrorCode::NotImplemented);
    }
    if (mode == BANOS_K3_SUBMIT)
        return submit(frame, address);
    if (mode == BANOS_K3_AWAIT)
        return await(frame, address);
    log_bad_entry("neither SUBMIT nor AWAIT", mode);
    return refuse(frame, klib::ErrorCode::Invalid);
}

klib::ErrorOr<void> map_shared_pages(mm::AddressSpace& space, proc::Process& process, uint64_t window,
                                     const banos_layer_descriptor& layer)
{
    return shared::map_pages(space, process, window, layer);
}

} // namespace kabi
