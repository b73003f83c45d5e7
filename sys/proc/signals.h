#pragma once
#include <stdint.h>

#include "arch/x86_64/cpu/thread_context.h"
#include "arch/x86_64/interrupts/frame.h"
#include "lib/error_or.h"

// POSIX signals: per-process dispositions, a blocked mask and pending set,
// delivery on the way back to user mode. Numbers and flags are the
// kernel-internal ones (which kernel ABIs 1 and 2 use as they are).
namespace proc {

class Process;

constexpr int kSighup = 1, kSigint = 2, kSigquit = 3, kSigill = 4, kSigtrap = 5, kSigabrt = 6, kSigbus = 7,
              kSigfpe = 8, kSigkill = 9, kSigusr1 = 10, kSigsegv = 11, kSigusr2 = 12, kSigpipe = 13, kSigalrm = 14,
              kSigterm = 15, kSigchld = 17, kSigcont = 18, kSigstop = 19, kSigtstp = 20, kSigttin = 21,
              kSigttou = 22, kSigwinch = 28, kSigsys = 31;
constexpr int kSignalCount = 32; // 1..31

using SignalSet = uint64_t; // bit (signal - 1)
constexpr SignalSet signal_bit(int signal) { return 1ull << (signal - 1); }
constexpr SignalSet kUnblockable = signal_bit(kSigkill) | signal_bit(kSigstop);

constexpr uint64_t kSignalDefault = 0;
constexpr uint64_t kSignalIgnore = 1;
constexpr uint64_t kSaNoChildStop = 0x00000001;
constexpr uint64_t kSaRestart = 0x10000000;
constexpr uint64_t kSaNoDefer = 0x40000000;
constexpr uint64_t kSaResetHand = 0x80000000;

struct SignalAction {
    uint64_t handler { kSignalDefault };
    uint64_t flags { 0 };
    uint64_t restorer { 0 }; // where the handler returns: the layer's sigreturn stub
    SignalSet mask { 0 };
};

// What a kernel ABI's signal frame holds; each ABI lays it out on the
// user stack its own way (kabi), the generic code fills and reads this.
struct SavedUserState {
    arch::InterruptFrame frame;
    SignalSet blocked;
    arch::FpuState fpu;
};

bool is_valid_signal(int signal);

// Posts a signal (an ignored one is dropped) and wakes the process if it
// is blocked interruptibly or stopped (SIGKILL, SIGCONT).
void send_signal(Process&, int signal);
// For faults: the signal cannot be blocked or ignored; the default action
// applies if there is no handler.
void force_signal(Process&, int signal);

// Runs before every return to user mode: default actions (terminate,
// stop), or a handler frame on the user stack.
void deliver_pending_signals(arch::InterruptFrame&);

// The return path from a handler: restores what delivery saved.
klib::ErrorOr<void> restore_after_handler(arch::InterruptFrame&, const SavedUserState&);

// The status word waitpid reports for death by `signal`.
constexpr int wait_status_for_signal(int signal, bool core) { return (signal & 0x7f) | (core ? 0x80 : 0); }
constexpr int wait_status_for_exit(int code) { return (code & 0xff) << 8; }
constexpr int wait_status_stopped(int signal) { return (signal << 8) | 0x7f; }
constexpr int kWaitStatusContinued = 0xffff;

} // namespace proc
