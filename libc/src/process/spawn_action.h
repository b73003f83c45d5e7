// One posix_spawn file action as posix_spawn_file_actions_t keeps them:
// program ABI 3's banos_v3_spawn_action where the ABI has the slot (the
// whole list then goes to the slot as it is), the same record for libc's
// own fork-and-exec posix_spawn in older ABIs.
#pragma once

#include <spawn.h>
#include <stdint.h>

struct __banos_spawn_action {
    int32_t kind;
    int32_t fd;        // opened onto, closed, duplicated onto
    int32_t source_fd; // dup2's source
    int32_t flags;     // open's
    uint32_t mode;     // open's
    uint32_t reserved;
    const char* path;  // open's and chdir's: a copy the list owns
};

namespace banos::libc::spawn {

#ifdef BANOS_HAS_SLOT_posix_spawn
constexpr int32_t kOpen = BANOS_SPAWN_ACTION_OPEN, kClose = BANOS_SPAWN_ACTION_CLOSE, kDup2 = BANOS_SPAWN_ACTION_DUP2,
                  kChdir = BANOS_SPAWN_ACTION_CHDIR;
static_assert(sizeof(__banos_spawn_action) == sizeof(banos_v3_spawn_action)
    && __builtin_offsetof(__banos_spawn_action, source_fd) == __builtin_offsetof(banos_v3_spawn_action, source_fd)
    && __builtin_offsetof(__banos_spawn_action, mode) == __builtin_offsetof(banos_v3_spawn_action, mode)
    && __builtin_offsetof(__banos_spawn_action, path) == __builtin_offsetof(banos_v3_spawn_action, path));
#else
constexpr int32_t kOpen = 1, kClose = 2, kDup2 = 3, kChdir = 4;
#endif

constexpr unsigned kKnownFlags = POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF
    | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSID;

} // namespace banos::libc::spawn
