// posix_spawn's file-action lists and attribute objects. Like glibc, a
// descriptor outside [0, OPEN_MAX) is refused when the action is added
// (EBADF), and the paths are copied.
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>

#include "spawn_action.h"

namespace {

constexpr int kOpenMax = 1024; // sysconf(_SC_OPEN_MAX)

bool bad_descriptor(int fd) { return fd < 0 || fd >= kOpenMax; }

// A new record at the end of the list; nullptr when memory runs out.
__banos_spawn_action* append(posix_spawn_file_actions_t* actions)
{
    if (actions->__count == actions->__capacity) {
        unsigned capacity = actions->__capacity ? actions->__capacity * 2 : 4;
        auto* grown = static_cast<__banos_spawn_action*>(realloc(actions->__actions, capacity * sizeof(__banos_spawn_action)));
        if (grown == nullptr)
            return nullptr;
        actions->__actions = grown;
        actions->__capacity = capacity;
    }
    __banos_spawn_action* action = &actions->__actions[actions->__count++];
    *action = {};
    return action;
}

int add_with_path(posix_spawn_file_actions_t* actions, int32_t kind, int fd, const char* path, int flags, mode_t mode)
{
    char* copy = strdup(path);
    if (copy == nullptr)
        return ENOMEM;
    __banos_spawn_action* action = append(actions);
    if (action == nullptr) {
        free(copy);
        return ENOMEM;
    }
    action->kind = kind;
    action->fd = fd;
    action->flags = flags;
    action->mode = mode;
    action->path = copy;
    return 0;
}

} // namespace

extern "C" {

int posix_spawn_file_actions_init(posix_spawn_file_actions_t* actions)
{
    *actions = {};
    return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t* actions)
{
    for (unsigned i = 0; i < actions->__count; ++i)
        free(const_cast<char*>(actions->__actions[i].path));
    free(actions->__actions);
    *actions = {};
    return 0;
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t* __restrict actions, int fd,
    const char* __restrict path, int flags, mode_t mode)
{
    if (bad_descriptor(fd))
        return EBADF;
    return add_with_path(actions, banos::libc::spawn::kOpen, fd, path, flags, mode);
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t* actions, int fd)
{
    if (bad_descriptor(fd))
        return EBADF;
    __banos_spawn_action* action = append(actions);
    if (action == nullptr)
        return ENOMEM;
    action->kind = banos::libc::spawn::kClose;
    action->fd = fd;
    return 0;
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t* actions, int source, int fd)
{
    if (bad_descriptor(source) || bad_descriptor(fd))
        return EBADF;
    __banos_spawn_action* action = append(actions);
    if (action == nullptr)
        return ENOMEM;
    action->kind = banos::libc::spawn::kDup2;
    action->fd = fd;
    action->source_fd = source;
    return 0;
}

int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t* __restrict actions, const char* __restrict path)
{
    return add_with_path(actions, banos::libc::spawn::kChdir, -1, path, 0, 0);
}

int posix_spawnattr_init(posix_spawnattr_t* attributes)
{
    *attributes = {};
    return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t*) { return 0; }

int posix_spawnattr_setflags(posix_spawnattr_t* attributes, short flags)
{
    if (static_cast<unsigned short>(flags) & ~banos::libc::spawn::kKnownFlags)
        return EINVAL;
    attributes->__flags = static_cast<unsigned short>(flags);
    return 0;
}

int posix_spawnattr_getflags(const posix_spawnattr_t* __restrict attributes, short* __restrict flags)
{
    *flags = static_cast<short>(attributes->__flags);
    return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t* attributes, pid_t group)
{
    attributes->__pgroup = group;
    return 0;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t* __restrict attributes, pid_t* __restrict group)
{
    *group = attributes->__pgroup;
    return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t* __restrict attributes, const sigset_t* __restrict mask)
{
    attributes->__sigmask = *mask;
    return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t* __restrict attributes, sigset_t* __restrict mask)
{
    *mask = attributes->__sigmask;
    return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t* __restrict attributes, const sigset_t* __restrict signals)
{
    attributes->__sigdefault = *signals;
    return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t* __restrict attributes, sigset_t* __restrict signals)
{
    *signals = attributes->__sigdefault;
    return 0;
}
}
