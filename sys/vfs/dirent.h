#pragma once
// getdents records in the kernel's layout, which is program ABI 1's
// banos_v1_dirent: d_ino (8), d_off (8, the cursor after this entry),
// d_reclen (2), d_type (1), then the NUL-terminated name, the record padded
// to a multiple of 8 bytes.
#include <stddef.h>
#include <stdint.h>

#include "vfs/inode.h"

namespace vfs {

constexpr size_t kDirentHeaderSize = 19;
constexpr size_t kDirentAlignment = 8;

constexpr size_t dirent_record_size(size_t name_length)
{
    return (kDirentHeaderSize + name_length + 1 + kDirentAlignment - 1) & ~(kDirentAlignment - 1);
}
constexpr size_t kMaxDirentRecordSize = dirent_record_size(kMaxNameLength);

// Writes the record for `entry` to `out`, which has dirent_record_size()
// bytes; padding bytes are zero.
void encode_dirent(unsigned char* out, const DirectoryEntry& entry);

} // namespace vfs
