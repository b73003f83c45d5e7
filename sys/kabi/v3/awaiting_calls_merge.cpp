// TEMPORARY - see awaiting_calls_merge.h: the integrator deletes this file
// when the "calls" branch, which defines these for real, is merged. Weak,
// so the real definitions would win even if it were left behind. Only the
// sys:: calls kernel ABI 3's own code reaches are here (the trap stand-ins
// in the header reach none).
#include "syscall/files.h"
#include "syscall/syscalls.h"

namespace sys {

[[gnu::weak]] klib::ErrorOr<int> poll(uint64_t, uint32_t, int) { return klib::ErrorCode::NotImplemented; }
[[gnu::weak]] klib::ErrorOr<uint16_t> poll_events(int) { return klib::ErrorCode::NotImplemented; }
[[gnu::weak]] klib::ErrorOr<int> spawn(uint64_t, klib::Span<const SpawnAction>, const SpawnAttributes*, uint64_t,
                                       uint64_t)
{
    return klib::ErrorCode::NotImplemented;
}

} // namespace sys
