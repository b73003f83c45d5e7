#include "mm/frame_bitmap.h"

namespace mm {

FrameBitmap::FrameBitmap(uint64_t* words, size_t frame_count) : bits_(words, frame_count)
{
    bits_.fill(true);
}

void FrameBitmap::release_range(size_t first, size_t count)
{
    for (size_t frame = first; frame < first + count; ++frame) {
        if (bits_.get(frame)) {
            bits_.set(frame, false);
            ++free_;
        }
    }
    if (first < hint_)
        hint_ = first;
}

void FrameBitmap::reserve_range(size_t first, size_t count)
{
    for (size_t frame = first; frame < first + count; ++frame) {
        if (!bits_.get(frame)) {
            bits_.set(frame, true);
            --free_;
        }
    }
}

klib::Optional<size_t> FrameBitmap::allocate(size_t count, size_t alignment)
{
    if (count == 0 || count > free_)
        return {};
    klib::Optional<size_t> first;
    bool single = count == 1 && alignment == 1;
    if (single)
        first = bits_.find_first(false, hint_);
    else
        first = bits_.find_clear_run(count, alignment, hint_);
    if (!first)
        return {};
    bits_.set_range(*first, count, true);
    free_ -= count;
    // A single frame is the first free one at or after the hint, so every
    // frame before it is taken too: the next search starts past it rather
    // than walking the same taken stretch again. (A run may have skipped
    // free frames too few or misaligned for it.)
    if (single || *first == hint_)
        hint_ = *first + count;
    return first;
}

bool FrameBitmap::free(size_t first, size_t count)
{
    if (first >= bits_.size() || count > bits_.size() - first)
        return false;
    for (size_t frame = first; frame < first + count; ++frame)
        if (!bits_.get(frame))
            return false;
    bits_.set_range(first, count, false);
    free_ += count;
    if (first < hint_)
        hint_ = first;
    return true;
}

} // namespace mm
