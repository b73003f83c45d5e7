#pragma once
#include <stddef.h>
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
    // The file's own frames for the `count` pages (<= 64) from `offset`
    // that `wanted` marks (bit i), each with a reference for the mapping,
    // where the file can lend them (see vfs::Inode::share_page_frames);
    // frames[i] = 0 elsewhere. The mapping must not write to them.
    // Returns how many were lent.
    virtual size_t share_pages(uint64_t, size_t count, uint64_t, uint64_t* frames)
    {
        for (size_t i = 0; i < count; ++i)
            frames[i] = 0;
        return 0;
    }
    // share_pages for one page.
    klib::Optional<uint64_t> share_page(uint64_t offset)
    {
        uint64_t frame;
        if (share_pages(offset, 1, 1, &frame) == 0)
            return {};
        return frame;
    }
};

} // namespace mm
