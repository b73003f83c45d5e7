#pragma once
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/optional.h"
#include "lib/ref_ptr.h"

namespace mm {

// What a file-backed mapping reads its pages from. The file system
// provides it; memory management only asks for page-sized pieces.
class MappedFile : public klib::RefCounted<MappedFile> {
public:
    virtual ~MappedFile() = default;
    // Fills one page with the file's bytes at `offset`; past the end of
    // the file the page is zero.
    virtual klib::ErrorOr<void> read_page(uint64_t offset, void* page) = 0;
    // The file's own frame for the page at `offset`, with a reference for
    // the mapping, if the file can lend it (see vfs::Inode::share_page_frame);
    // the mapping must not write to it.
    virtual klib::Optional<uint64_t> share_page(uint64_t) { return {}; }
};

} // namespace mm
