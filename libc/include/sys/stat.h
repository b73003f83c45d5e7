/* struct stat has the program ABI's layout: banos_v1_stat (32-bit times,
 * st_atime/st_mtime/st_ctime in seconds) in ABI 1, banos_v2_stat (st_atim,
 * st_mtim, st_ctim timespecs; st_atime and friends name their seconds) in
 * ABI 2, whose stat calls use the stat64 slots, and banos_v3_stat in ABI 3:
 * ABI 2's plus st_birthtim, the file's creation time, which holds only when
 * st_flags has BANOS_V3_STAT_BIRTHTIME (a kernel that does not record birth
 * times leaves it zero and the flag clear); its calls use the fstatat_v3
 * and fstat_v3 slots. */
#ifndef __BANOS_SYS_STAT_H
#define __BANOS_SYS_STAT_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>
#include <bits/mode.h>
#include <bits/timespec.h>

#if defined(BANOS_PROGRAM_ABI_V3)
struct stat {
    dev_t st_dev;
    ino_t st_ino;
    nlink_t st_nlink;
    mode_t st_mode;
    uid_t st_uid;
    gid_t st_gid;
    unsigned int st_flags; /* BANOS_V3_STAT_BIRTHTIME: st_birthtim is known */
    dev_t st_rdev;
    off_t st_size;
    blksize_t st_blksize;
    blkcnt_t st_blocks;
    struct timespec st_atim;
    struct timespec st_mtim;
    struct timespec st_ctim;
    struct timespec st_birthtim;
    long __st_reserved1[3];
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec
#define st_birthtime st_birthtim.tv_sec
#define __BANOS_STAT_ABI struct banos_v3_stat
__BANOS_STATIC_ASSERT(__builtin_offsetof(struct stat, st_atim) == __builtin_offsetof(__BANOS_STAT_ABI, st_atim)
        && __builtin_offsetof(struct stat, st_mtim) == __builtin_offsetof(__BANOS_STAT_ABI, st_mtim)
        && __builtin_offsetof(struct stat, st_ctim) == __builtin_offsetof(__BANOS_STAT_ABI, st_ctim)
        && __builtin_offsetof(struct stat, st_birthtim) == __builtin_offsetof(__BANOS_STAT_ABI, st_birthtim)
        && __builtin_offsetof(struct stat, st_flags) == __builtin_offsetof(__BANOS_STAT_ABI, st_flags)
        && sizeof(nlink_t) == 8 && sizeof(blksize_t) == 8,
    "struct stat has the program ABI's layout");
#elif defined(BANOS_PROGRAM_ABI_V2)
struct stat {
    dev_t st_dev;
    ino_t st_ino;
    nlink_t st_nlink;
    mode_t st_mode;
    uid_t st_uid;
    gid_t st_gid;
    int __st_reserved0;
    dev_t st_rdev;
    off_t st_size;
    blksize_t st_blksize;
    blkcnt_t st_blocks;
    struct timespec st_atim;
    struct timespec st_mtim;
    struct timespec st_ctim;
    long __st_reserved1[3];
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec
#define __BANOS_STAT_ABI struct banos_v2_stat
__BANOS_STATIC_ASSERT(__builtin_offsetof(struct stat, st_atim) == __builtin_offsetof(__BANOS_STAT_ABI, st_atim)
        && __builtin_offsetof(struct stat, st_mtim) == __builtin_offsetof(__BANOS_STAT_ABI, st_mtim)
        && __builtin_offsetof(struct stat, st_ctim) == __builtin_offsetof(__BANOS_STAT_ABI, st_ctim)
        && sizeof(nlink_t) == 8 && sizeof(blksize_t) == 8,
    "struct stat has the program ABI's layout");
#else
struct stat {
    dev_t st_dev;
    ino_t st_ino;
    mode_t st_mode;
    nlink_t st_nlink;
    uid_t st_uid;
    gid_t st_gid;
    dev_t st_rdev;
    off_t st_size;
    blksize_t st_blksize;
    int __st_reserved0;
    blkcnt_t st_blocks;
    time_t st_atime;
    time_t st_mtime;
    time_t st_ctime;
    int __st_reserved1;
};
#define __BANOS_STAT_ABI struct banos_v1_stat
__BANOS_STATIC_ASSERT(__builtin_offsetof(struct stat, st_atime) == __builtin_offsetof(__BANOS_STAT_ABI, st_atime)
        && __builtin_offsetof(struct stat, st_mtime) == __builtin_offsetof(__BANOS_STAT_ABI, st_mtime)
        && __builtin_offsetof(struct stat, st_ctime) == __builtin_offsetof(__BANOS_STAT_ABI, st_ctime)
        && sizeof(nlink_t) == 4 && sizeof(blksize_t) == 4 && sizeof(time_t) == 4,
    "struct stat has the program ABI's layout");
#endif
__BANOS_STATIC_ASSERT(sizeof(struct stat) == sizeof(__BANOS_STAT_ABI)
        && __builtin_offsetof(struct stat, st_dev) == __builtin_offsetof(__BANOS_STAT_ABI, st_dev)
        && __builtin_offsetof(struct stat, st_ino) == __builtin_offsetof(__BANOS_STAT_ABI, st_ino)
        && __builtin_offsetof(struct stat, st_nlink) == __builtin_offsetof(__BANOS_STAT_ABI, st_nlink)
        && __builtin_offsetof(struct stat, st_mode) == __builtin_offsetof(__BANOS_STAT_ABI, st_mode)
        && __builtin_offsetof(struct stat, st_uid) == __builtin_offsetof(__BANOS_STAT_ABI, st_uid)
        && __builtin_offsetof(struct stat, st_gid) == __builtin_offsetof(__BANOS_STAT_ABI, st_gid)
        && __builtin_offsetof(struct stat, st_rdev) == __builtin_offsetof(__BANOS_STAT_ABI, st_rdev)
        && __builtin_offsetof(struct stat, st_size) == __builtin_offsetof(__BANOS_STAT_ABI, st_size)
        && __builtin_offsetof(struct stat, st_blksize) == __builtin_offsetof(__BANOS_STAT_ABI, st_blksize)
        && __builtin_offsetof(struct stat, st_blocks) == __builtin_offsetof(__BANOS_STAT_ABI, st_blocks),
    "struct stat has the program ABI's layout");

#define S_ISDIR(mode) (((mode) & S_IFMT) == S_IFDIR)
#define S_ISREG(mode) (((mode) & S_IFMT) == S_IFREG)
#define S_ISCHR(mode) (((mode) & S_IFMT) == S_IFCHR)
#define S_ISBLK(mode) (((mode) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(mode) (((mode) & S_IFMT) == S_IFIFO)
#define S_ISLNK(mode) (((mode) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(mode) (((mode) & S_IFMT) == S_IFSOCK)

__BEGIN_DECLS

__BANOS_SAME_NAME_BEGIN
int stat(const char* __restrict path, struct stat* __restrict out);
__BANOS_SAME_NAME_END
int fstat(int fd, struct stat* out);
int lstat(const char* __restrict path, struct stat* __restrict out);
int mkdir(const char* path, mode_t mode);
int chmod(const char* path, mode_t mode);
mode_t umask(mode_t mask);
#if defined(BANOS_HAS_SLOT_fstatat64) || defined(BANOS_HAS_SLOT_fstatat_v3)
int fstatat(int dirfd, const char* __restrict path, struct stat* __restrict out, int flags);
#endif
#ifdef BANOS_HAS_SLOT_mkdirat
int mkdirat(int dirfd, const char* path, mode_t mode);
#endif

__END_DECLS

#endif
