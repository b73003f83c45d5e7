#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/bitmap.h"
#include "lib/optional.h"

namespace mm {

// Which physical frames are free. A set bit means "in use"; the caller owns
// the word storage and the locking. Independent of the machine so the host
// tests can drive it.
class FrameBitmap {
public:
    FrameBitmap() = default;
    // Every frame starts out in use; callers then free what the memory map offers.
    FrameBitmap(uint64_t* words, size_t frame_count);

    size_t frame_count() const { return bits_.size(); }
    size_t free_count() const { return free_; }

    void release_range(size_t first, size_t count); // in use -> free, for set-up
    void reserve_range(size_t first, size_t count); // free -> in use, for set-up

    // `count` contiguous frames starting at a multiple of `alignment` frames.
    klib::Optional<size_t> allocate(size_t count = 1, size_t alignment = 1);
    // False (and nothing changed) if any frame of the range was already free.
    bool free(size_t first, size_t count = 1);
    bool is_free(size_t frame) const { return !bits_.get(frame); }

private:
    klib::Bitmap bits_;
    size_t free_ { 0 };
    size_t hint_ { 0 }; // no free frame below this index
};

} // namespace mm
