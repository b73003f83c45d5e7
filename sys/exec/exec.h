#pragma once
#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "lib/span.h"
#include "lib/string_view.h"

namespace proc {
class Process;
}

// Loading a program into a new process: its segments, its syscall layer
// in its window, the initial stack, TLS and TCB.
namespace exec {

struct SpawnRequest {
    klib::StringView path;
    klib::Span<const klib::StringView> arguments;   // argv, including argv[0]
    klib::Span<const klib::StringView> environment; // "NAME=value" strings
    int parent_pid;
};

// A process ready to run (its main thread not yet runnable). Every refusal
// is logged once with the reason: NoEntry (no such file), ExecFormat (not a
// banos program, or no layer for its ABI on this kernel), NoMemory,
// ArgumentListTooLong.
klib::ErrorOr<klib::RefPtr<proc::Process>> spawn(const SpawnRequest&);

} // namespace exec
