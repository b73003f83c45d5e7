#pragma once
// The fields program ABI 2's stat shares with ABI 3's (same names, same
// nanosecond times): one copy for both front ends.
#include "syslayer/neutral.h"

namespace layer {

template <typename Stat>
void copy_stat_fields(const FileStatus& in, Stat* out)
{
    *out = Stat {};
    out->st_dev = in.device;
    out->st_ino = in.inode;
    out->st_nlink = in.links;
    out->st_mode = in.mode;
    out->st_uid = in.uid;
    out->st_gid = in.gid;
    out->st_rdev = in.rdev;
    out->st_size = in.size;
    out->st_blksize = in.block_size;
    out->st_blocks = in.blocks;
    out->st_atim = { in.access.seconds, in.access.nanoseconds };
    out->st_mtim = { in.modify.seconds, in.modify.nanoseconds };
    out->st_ctim = { in.change.seconds, in.change.nanoseconds };
}

} // namespace layer
