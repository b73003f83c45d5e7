#pragma once
// The VFS vocabulary: timestamps, file metadata and the mode bits. The
// kernel numbers file types, permission bits, open flags and directory-entry
// types as program ABI 1 does (BANOS_S_IF*, BANOS_O_*, BANOS_DT_*); kernel
// ABIs 1 and 2 use the same numbers, and the layer translates for others.
#include <stddef.h>
#include <stdint.h>

#include "abi-versions/v1/program/types.h"

namespace vfs {

struct Timestamp {
    int64_t sec { 0 };
    int64_t nsec { 0 };
    constexpr bool operator==(const Timestamp&) const = default;
};

// What stat() reports, before an ABI picks its layout.
struct Metadata {
    uint64_t device { 0 }; // st_dev: the file system's id
    uint64_t ino { 0 };
    uint32_t mode { 0 }; // type bits (BANOS_S_IF*) | permission bits (07777)
    uint32_t nlink { 0 };
    uint32_t uid { 0 };
    uint32_t gid { 0 };
    uint64_t rdev { 0 };
    int64_t size { 0 };
    int64_t blocks { 0 }; // 512-byte units
    int32_t block_size { 4096 };
    Timestamp atime;
    Timestamp mtime;
    Timestamp ctime;
    Timestamp btime; // birth; zero where the file system does not record it
};

constexpr size_t kMaxNameLength = 255;  // one path component
constexpr size_t kMaxPathLength = 4095; // a whole path, without its NUL
constexpr int kMaxSymlinkFollows = 40;  // then ELOOP

constexpr uint32_t kPermissionMask = 07777;
constexpr uint32_t kTypeMask = BANOS_S_IFMT;

constexpr uint32_t file_type(uint32_t mode) { return mode & BANOS_S_IFMT; }
constexpr bool is_directory(uint32_t mode) { return file_type(mode) == BANOS_S_IFDIR; }
constexpr bool is_regular(uint32_t mode) { return file_type(mode) == BANOS_S_IFREG; }
constexpr bool is_symlink(uint32_t mode) { return file_type(mode) == BANOS_S_IFLNK; }

// The getdents d_type for a mode.
constexpr uint8_t directory_entry_type(uint32_t mode)
{
    switch (file_type(mode)) {
    case BANOS_S_IFDIR:
        return BANOS_DT_DIR;
    case BANOS_S_IFREG:
        return BANOS_DT_REG;
    case BANOS_S_IFLNK:
        return BANOS_DT_LNK;
    case BANOS_S_IFCHR:
        return BANOS_DT_CHR;
    case BANOS_S_IFBLK:
        return BANOS_DT_BLK;
    case BANOS_S_IFIFO:
        return BANOS_DT_FIFO;
    default:
        return BANOS_DT_UNKNOWN;
    }
}

// File owner given to a new inode.
struct Owner {
    uint32_t uid { 0 };
    uint32_t gid { 0 };
};

// chown's "leave this id as it is" (-1 in C).
constexpr uint32_t kIdUnchanged = 0xffffffffu;

} // namespace vfs
