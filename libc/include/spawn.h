/* posix_spawn: a new process running a program, set up by file actions
 * (applied in order in the child) and attributes. Program ABI 3 has a slot
 * for it (a kernel spawn, or the layer's emulation on older kernels); in
 * ABIs 1 and 2 libc does it with fork and execve. Either way an error the
 * child meets before its exec - a failed action, a missing program - is
 * posix_spawn's return value, and no child is left behind.
 *
 * The functions return 0 or an error number (errno is left alone). Order
 * in the child, as glibc's: signal dispositions (SETSIGDEF; caught signals
 * always go back to their default), SETSID, SETPGROUP, RESETIDS, the file
 * actions, the signal mask (SETSIGMASK, else the caller's), exec. Closing
 * a descriptor that is not open is not an error. */
#ifndef __BANOS_SPAWN_H
#define __BANOS_SPAWN_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>
#include <bits/sigset.h>

#ifdef BANOS_HAS_SLOT_posix_spawn
#define POSIX_SPAWN_RESETIDS BANOS_SPAWN_RESETIDS
#define POSIX_SPAWN_SETPGROUP BANOS_SPAWN_SETPGROUP
#define POSIX_SPAWN_SETSIGDEF BANOS_SPAWN_SETSIGDEF
#define POSIX_SPAWN_SETSIGMASK BANOS_SPAWN_SETSIGMASK
#define POSIX_SPAWN_SETSID BANOS_SPAWN_SETSID
#else
/* libc's own flags here, numbered as program ABI 3 (and glibc) number them. */
#define POSIX_SPAWN_RESETIDS 0x01
#define POSIX_SPAWN_SETPGROUP 0x02
#define POSIX_SPAWN_SETSIGDEF 0x04
#define POSIX_SPAWN_SETSIGMASK 0x08
#define POSIX_SPAWN_SETSID 0x80
#endif

struct __banos_spawn_action;

/* A growing list of action records (and their paths, copied). */
typedef struct {
    unsigned int __count;
    unsigned int __capacity;
    struct __banos_spawn_action* __actions;
} posix_spawn_file_actions_t;

typedef struct {
    unsigned int __flags;
    pid_t __pgroup;
    sigset_t __sigmask;
    sigset_t __sigdefault;
} posix_spawnattr_t;

#ifdef BANOS_HAS_SLOT_posix_spawn
/* They are the slot's records. */
__BANOS_STATIC_ASSERT(sizeof(posix_spawn_file_actions_t) == sizeof(struct banos_v3_spawn_actions)
        && __builtin_offsetof(posix_spawn_file_actions_t, __count) == __builtin_offsetof(struct banos_v3_spawn_actions, count)
        && __builtin_offsetof(posix_spawn_file_actions_t, __actions) == __builtin_offsetof(struct banos_v3_spawn_actions, actions)
        && sizeof(posix_spawnattr_t) == sizeof(struct banos_v3_spawn_attributes)
        && __builtin_offsetof(posix_spawnattr_t, __pgroup) == __builtin_offsetof(struct banos_v3_spawn_attributes, pgroup)
        && __builtin_offsetof(posix_spawnattr_t, __sigmask) == __builtin_offsetof(struct banos_v3_spawn_attributes, sigmask)
        && __builtin_offsetof(posix_spawnattr_t, __sigdefault) == __builtin_offsetof(struct banos_v3_spawn_attributes, sigdefault),
    "posix_spawn's objects have the program ABI's layout");
#endif

__BEGIN_DECLS

int posix_spawn(pid_t* __restrict pid, const char* __restrict path, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* __restrict attributes, char* const argv[], char* const envp[]);
/* With PATH search (default "/bin:/usr/bin") when `file` has no '/'. */
int posix_spawnp(pid_t* __restrict pid, const char* __restrict file, const posix_spawn_file_actions_t* actions,
    const posix_spawnattr_t* __restrict attributes, char* const argv[], char* const envp[]);

int posix_spawn_file_actions_init(posix_spawn_file_actions_t* actions);
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t* actions);
/* open(path, flags, mode) in the child, moved to fd. */
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t* __restrict actions, int fd,
    const char* __restrict path, int flags, mode_t mode);
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t* actions, int fd);
/* dup2(source, fd); with source == fd the descriptor is kept across exec. */
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t* actions, int source, int fd);
int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t* __restrict actions, const char* __restrict path);

int posix_spawnattr_init(posix_spawnattr_t* attributes);
int posix_spawnattr_destroy(posix_spawnattr_t* attributes);
int posix_spawnattr_setflags(posix_spawnattr_t* attributes, short flags);
int posix_spawnattr_getflags(const posix_spawnattr_t* __restrict attributes, short* __restrict flags);
/* 0: a group of the child's own. */
int posix_spawnattr_setpgroup(posix_spawnattr_t* attributes, pid_t group);
int posix_spawnattr_getpgroup(const posix_spawnattr_t* __restrict attributes, pid_t* __restrict group);
int posix_spawnattr_setsigmask(posix_spawnattr_t* __restrict attributes, const sigset_t* __restrict mask);
int posix_spawnattr_getsigmask(const posix_spawnattr_t* __restrict attributes, sigset_t* __restrict mask);
int posix_spawnattr_setsigdefault(posix_spawnattr_t* __restrict attributes, const sigset_t* __restrict signals);
int posix_spawnattr_getsigdefault(const posix_spawnattr_t* __restrict attributes, sigset_t* __restrict signals);

__END_DECLS

#endif
