// The signal frame of kernel ABIs 1 and 2 (struct banos_k1_signal_frame).
#include <string.h>

#include "abi-versions/v1/kernel/abi.h"
#include "kabi/kabi.h"
#include "lib/math.h"
#include "mm/user_memory.h"
#include "proc/signals.h"

namespace kabi {

namespace {
constexpr uint64_t kRedZone = 128;

void save_registers(const arch::InterruptFrame& f, uint64_t (&r)[18])
{
    const uint64_t values[18] = { f.rax, f.rbx, f.rcx, f.rdx, f.rsi, f.rdi, f.rbp, f.r8, f.r9,
                                  f.r10, f.r11, f.r12, f.r13, f.r14, f.r15, f.rip, f.rflags, f.rsp };
    memcpy(r, values, sizeof(values));
}

void load_registers(arch::InterruptFrame& f, const uint64_t (&r)[18])
{
    uint64_t* fields[18] = { &f.rax, &f.rbx, &f.rcx, &f.rdx, &f.rsi, &f.rdi, &f.rbp, &f.r8, &f.r9,
                             &f.r10, &f.r11, &f.r12, &f.r13, &f.r14, &f.r15, &f.rip, &f.rflags, &f.rsp };
    for (int i = 0; i < 18; ++i)
        *fields[i] = r[i];
}
} // namespace

klib::ErrorOr<uint64_t> push_signal_frame(const proc::SavedUserState& state, int signal, uint64_t restorer,
                                          uint64_t user_rsp)
{
    banos_k1_signal_frame frame {};
    frame.restorer = restorer;
    frame.signal = static_cast<uint64_t>(signal);
    frame.blocked = state.blocked;
    save_registers(state.frame, frame.registers);
    memcpy(frame.fpu, &state.fpu, sizeof(frame.fpu));
    // Below the interrupted code's red zone; rsp + 8 16-byte aligned at the
    // handler's first instruction, as after a call.
    uint64_t address = klib::align_down(user_rsp - kRedZone - sizeof(frame), 16) - 8;
    TRY(mm::copy_to_user(address, &frame, sizeof(frame)));
    return address;
}

klib::ErrorOr<void> read_signal_frame(uint64_t user_rsp, proc::SavedUserState& out)
{
    banos_k1_signal_frame frame;
    TRY(mm::copy_from_user(&frame, user_rsp - 8, sizeof(frame)));
    load_registers(out.frame, frame.registers);
    out.blocked = frame.blocked;
    memcpy(&out.fpu, frame.fpu, sizeof(frame.fpu));
    return {};
}

} // namespace kabi
