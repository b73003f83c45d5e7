#include "vfs/dirent.h"

#include <stddef.h>
#include <string.h>

namespace vfs {

static_assert(offsetof(banos_v1_dirent, d_ino) == 0);
static_assert(offsetof(banos_v1_dirent, d_off) == 8);
static_assert(offsetof(banos_v1_dirent, d_reclen) == 16);
static_assert(offsetof(banos_v1_dirent, d_type) == 18);
static_assert(offsetof(banos_v1_dirent, d_name) == kDirentHeaderSize);
static_assert(kMaxDirentRecordSize <= 0xffff);

void encode_dirent(unsigned char* out, const DirectoryEntry& entry)
{
    size_t size = dirent_record_size(entry.name.size());
    memset(out, 0, size);
    uint64_t ino = entry.ino;
    int64_t next = static_cast<int64_t>(entry.next_cursor);
    uint16_t length = static_cast<uint16_t>(size);
    memcpy(out + offsetof(banos_v1_dirent, d_ino), &ino, sizeof(ino));
    memcpy(out + offsetof(banos_v1_dirent, d_off), &next, sizeof(next));
    memcpy(out + offsetof(banos_v1_dirent, d_reclen), &length, sizeof(length));
    out[offsetof(banos_v1_dirent, d_type)] = entry.type;
    if (entry.name.size())
        memcpy(out + kDirentHeaderSize, entry.name.data(), entry.name.size());
}

} // namespace vfs
