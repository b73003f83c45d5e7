#pragma once
// File system calls, free of any ABI (see syscalls.h). Paths are user
// pointers; dirfd is a descriptor or kAtFdcwd.
#include <stdint.h>

#include "lib/error_or.h"

namespace sys {

constexpr int kAtFdcwd = -100;

// What stat returns, in the kernel's terms; each ABI lays it out its way.
struct FileStatus {
    uint64_t device;
    uint64_t inode;
    uint32_t mode;
    uint32_t links;
    uint32_t uid;
    uint32_t gid;
    uint64_t rdev;
    int64_t size;
    int64_t block_size;
    int64_t blocks;
    int64_t access_seconds, access_nanoseconds;
    int64_t modify_seconds, modify_nanoseconds;
    int64_t change_seconds, change_nanoseconds;
    int64_t birth_seconds, birth_nanoseconds; // zero when the file system does not record it
};

klib::ErrorOr<int> openat(int dirfd, uint64_t user_path, int flags, uint32_t mode);
klib::ErrorOr<void> close(int fd);
klib::ErrorOr<int64_t> lseek(int fd, int64_t offset, int whence);
klib::ErrorOr<FileStatus> fstatat(int dirfd, uint64_t user_path, int flags);
klib::ErrorOr<FileStatus> fstat(int fd);
klib::ErrorOr<uint64_t> getdents(int fd, uint64_t user_buffer, uint64_t size);
klib::ErrorOr<void> mkdirat(int dirfd, uint64_t user_path, uint32_t mode);
klib::ErrorOr<void> unlinkat(int dirfd, uint64_t user_path, int flags);
klib::ErrorOr<void> renameat(int from_dirfd, uint64_t user_from, int to_dirfd, uint64_t user_to);
klib::ErrorOr<void> linkat(int from_dirfd, uint64_t user_existing, int to_dirfd, uint64_t user_created);
klib::ErrorOr<int> dup(int fd);
klib::ErrorOr<int> dup3(int fd, int target, int flags);
// dup2: onto itself it only checks that fd is open.
klib::ErrorOr<int> dup2(int fd, int target);
klib::ErrorOr<void> pipe2(uint64_t user_fds, int flags);
klib::ErrorOr<int> fcntl(int fd, int command, uint64_t argument);
klib::ErrorOr<void> chdir(uint64_t user_path);
// Mounts a new file system of the named type (vfs/file_system_types.h) on
// the directory at user_target: superuser only (NotPermitted), flags 0
// (Invalid otherwise), NotDevice for an unknown type. The source names
// nothing for the types there are; it is copied and checked like a path.
klib::ErrorOr<void> mount(uint64_t user_source, uint64_t user_target, uint64_t user_type, uint64_t flags);
klib::ErrorOr<uint64_t> getcwd(uint64_t user_buffer, uint64_t size);
klib::ErrorOr<int> ioctl(int fd, uint64_t request, uint64_t argument);
uint32_t umask(uint32_t mask);
klib::ErrorOr<void> fchmodat(int dirfd, uint64_t user_path, uint32_t mode);
klib::ErrorOr<void> fchownat(int dirfd, uint64_t user_path, uint32_t uid, uint32_t gid);
klib::ErrorOr<void> faccessat(int dirfd, uint64_t user_path, int mode);
klib::ErrorOr<void> ftruncate(int fd, int64_t length);
klib::ErrorOr<void> fsync(int fd);
klib::ErrorOr<void> fchdir(int fd);

} // namespace sys
