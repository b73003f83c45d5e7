#include "vfs/vector_buffer.h"

#include "lib/math.h"

namespace vfs {

using klib::ErrorCode;

klib::ErrorOr<uint64_t> vector_total(klib::Span<const IoSegment> segments)
{
    uint64_t total = 0;
    for (const IoSegment& segment : segments) {
        if (segment.length > kMaxVectorTotal - total)
            return ErrorCode::Invalid;
        total += segment.length;
    }
    return total;
}

VectorBuffer::VectorBuffer(klib::Span<const IoSegment> segments, IoBuffer& memory, size_t limit)
    : segments_(segments), memory_(memory)
{
    uint64_t total = 0;
    for (const IoSegment& segment : segments)
        total += segment.length;
    size_ = static_cast<size_t>(klib::min<uint64_t>(total, limit));
}

template <typename Copy>
klib::ErrorOr<void> VectorBuffer::for_each_piece(size_t offset, size_t length, Copy&& copy)
{
    if (!in_bounds(offset, length))
        return ErrorCode::Fault;
    if (offset < cursor_start_) {
        cursor_segment_ = 0;
        cursor_start_ = 0;
    }
    size_t done = 0;
    while (done < length && cursor_segment_ < segments_.size()) {
        const IoSegment& segment = segments_[cursor_segment_];
        size_t at = offset + done;
        if (at >= cursor_start_ + segment.length) {
            cursor_start_ += segment.length;
            ++cursor_segment_;
            continue;
        }
        size_t inside = at - cursor_start_;
        size_t piece = klib::min<size_t>(length - done, segment.length - inside);
        TRY(copy(segment.base + inside, done, piece));
        done += piece;
    }
    return {};
}

klib::ErrorOr<void> VectorBuffer::read_from(size_t offset, klib::Bytes destination)
{
    return for_each_piece(offset, destination.size(), [&](uint64_t at, size_t done, size_t piece) {
        return memory_.read_from(at, destination.subspan(done, piece));
    });
}

klib::ErrorOr<void> VectorBuffer::write_to(size_t offset, klib::ReadonlyBytes source)
{
    return for_each_piece(offset, source.size(), [&](uint64_t at, size_t done, size_t piece) {
        return memory_.write_to(at, source.subspan(done, piece));
    });
}

} // namespace vfs
