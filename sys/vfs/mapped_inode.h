#pragma once
#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "mm/mapped_file.h"
#include "vfs/inode.h"

namespace vfs {

// A regular file as the source of a private file mapping's pages (mmap,
// and exec's program segments): the file's own pages where it can lend
// them, copies otherwise.
klib::ErrorOr<klib::RefPtr<mm::MappedFile>> map_inode(klib::RefPtr<Inode>);

} // namespace vfs
