// Paths and the working directory. From ABI 2 open uses openat(AT_FDCWD);
// the stat family uses ABI 2's 64-bit stat64 slots, or ABI 3's
// fstatat_v3/fstat_v3 (with the birth time).
#include <banos/slots.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

namespace {

// ABI 2 gave stat, fstat and lstat a 64-bit layout under new slot names
// (stat64...); ABI 3 the birth time, through fstatat_v3 and fstat_v3.
#if defined(BANOS_HAS_SLOT_fstatat_v3)
using AbiStat = struct banos_v3_stat;
#elif defined(BANOS_PROGRAM_ABI_V2)
using AbiStat = struct banos_v2_stat;
#define STAT_SLOT(name) __banos_slot_##name##64
#else
using AbiStat = struct banos_v1_stat;
#define STAT_SLOT(name) __banos_slot_##name
#endif
static_assert(sizeof(struct stat) == sizeof(AbiStat));

AbiStat* abi(struct stat* out) { return reinterpret_cast<AbiStat*>(out); }

uint32_t mode_argument(int flags, va_list arguments)
{
    return (flags & O_CREAT) ? va_arg(arguments, unsigned) : 0;
}

} // namespace

extern "C" {

int open(const char* path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    uint32_t mode = mode_argument(flags, arguments);
    va_end(arguments);
#ifdef BANOS_HAS_SLOT_openat
    return __banos_slot_openat(AT_FDCWD, path, flags, mode);
#else
    return __banos_slot_open(path, flags, mode);
#endif
}

int creat(const char* path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

#ifdef BANOS_HAS_SLOT_openat
int openat(int dirfd, const char* path, int flags, ...)
{
    va_list arguments;
    va_start(arguments, flags);
    uint32_t mode = mode_argument(flags, arguments);
    va_end(arguments);
    return __banos_slot_openat(dirfd, path, flags, mode);
}
#endif

#if defined(BANOS_HAS_SLOT_fstatat_v3)
int stat(const char* __restrict path, struct stat* __restrict out)
{
    return __banos_slot_fstatat_v3(AT_FDCWD, path, abi(out), 0);
}
int fstat(int fd, struct stat* out) { return __banos_slot_fstat_v3(fd, abi(out)); }
int lstat(const char* __restrict path, struct stat* __restrict out)
{
    return __banos_slot_fstatat_v3(AT_FDCWD, path, abi(out), AT_SYMLINK_NOFOLLOW);
}
int fstatat(int dirfd, const char* __restrict path, struct stat* __restrict out, int flags)
{
    return __banos_slot_fstatat_v3(dirfd, path, abi(out), flags);
}
#else
int stat(const char* __restrict path, struct stat* __restrict out) { return STAT_SLOT(stat)(path, abi(out)); }
int fstat(int fd, struct stat* out) { return STAT_SLOT(fstat)(fd, abi(out)); }
int lstat(const char* __restrict path, struct stat* __restrict out) { return STAT_SLOT(lstat)(path, abi(out)); }
#endif

#if defined(BANOS_HAS_SLOT_fstatat64) && !defined(BANOS_HAS_SLOT_fstatat_v3)
int fstatat(int dirfd, const char* __restrict path, struct stat* __restrict out, int flags)
{
    return __banos_slot_fstatat64(dirfd, path, abi(out), flags);
}
#endif

int mkdir(const char* path, mode_t mode) { return __banos_slot_mkdir(path, mode); }
#ifdef BANOS_HAS_SLOT_mkdirat
int mkdirat(int dirfd, const char* path, mode_t mode) { return __banos_slot_mkdirat(dirfd, path, mode); }
#endif
int chmod(const char* path, mode_t mode) { return __banos_slot_chmod(path, mode); }
mode_t umask(mode_t mask) { return __banos_slot_umask(mask); }
int rmdir(const char* path) { return __banos_slot_rmdir(path); }
int unlink(const char* path) { return __banos_slot_unlink(path); }
#ifdef BANOS_HAS_SLOT_unlinkat
int unlinkat(int dirfd, const char* path, int flags) { return __banos_slot_unlinkat(dirfd, path, flags); }
#endif
int rename(const char* from, const char* to) { return __banos_slot_rename(from, to); }
#ifdef BANOS_HAS_SLOT_renameat
int renameat(int from_dirfd, const char* from, int to_dirfd, const char* to)
{
    return __banos_slot_renameat(from_dirfd, from, to_dirfd, to);
}
#endif
int link(const char* existing, const char* created) { return __banos_slot_link(existing, created); }
int chdir(const char* path) { return __banos_slot_chdir(path); }

int fchdir(int fd)
{
#ifdef BANOS_HAS_SLOT_fchdir
    return __banos_slot_fchdir(fd);
#else
    (void)fd;
    return fail(ENOSYS);
#endif
}

// A slot from ABI 3 on (the kernel checks the descriptor; its file systems
// keep everything in memory).
int fsync(int fd)
{
#ifdef BANOS_HAS_SLOT_fsync
    return __banos_slot_fsync(fd);
#else
    (void)fd;
    return fail(ENOSYS);
#endif
}
int chown(const char* path, uid_t owner, gid_t group) { return __banos_slot_chown(path, owner, group); }
int access(const char* path, int mode) { return __banos_slot_access(path, mode); }
#ifdef BANOS_HAS_SLOT_faccessat
int faccessat(int dirfd, const char* path, int mode, int flags)
{
    return __banos_slot_faccessat(dirfd, path, mode, flags);
}
#endif

char* getcwd(char* buffer, size_t size)
{
    if (buffer != nullptr) {
        if (size == 0)
            return fail<char*>(EINVAL, nullptr);
        return __banos_slot_getcwd(buffer, size) < 0 ? nullptr : buffer;
    }
    // The glibc extension: allocate (exactly the size, or `size` if given).
    size_t capacity = size != 0 ? size : 256;
    for (;;) {
        auto* allocated = static_cast<char*>(malloc(capacity));
        if (allocated == nullptr)
            return nullptr;
        int64_t length = __banos_slot_getcwd(allocated, capacity);
        if (length >= 0) {
            if (size == 0) {
                auto* exact = static_cast<char*>(realloc(allocated, static_cast<size_t>(length)));
                return exact != nullptr ? exact : allocated;
            }
            return allocated;
        }
        free(allocated);
        if (errno != ERANGE || size != 0 || capacity >= 1 << 20)
            return nullptr;
        capacity *= 4;
    }
}
}
