#pragma once
// An IoBuffer made of pieces of another buffer: what readv and writev move
// data through, so a scattered transfer is still one File::read or
// File::write (a pipe then keeps a small gathered write whole, exactly as
// it keeps a small write()).
//
// Piece i covers [base, base + length) of `memory`. For the system calls
// `memory` is the caller's whole address space and the bases are user
// addresses; tests use a KernelBuffer and offsets into it. Copies stop at
// the first piece `memory` refuses (Fault for a bad user address); the
// File turns that into a partial transfer (io_buffer.h).
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/span.h"
#include "vfs/io_buffer.h"

namespace vfs {

struct IoSegment {
    uint64_t base;
    uint64_t length;
};

// The most one vector may add up to (SSIZE_MAX: the result must fit a
// signed count).
constexpr uint64_t kMaxVectorTotal = INT64_MAX;

// The sum of the lengths; Invalid when it exceeds kMaxVectorTotal (or
// would wrap).
klib::ErrorOr<uint64_t> vector_total(klib::Span<const IoSegment>);

class VectorBuffer final : public IoBuffer {
public:
    // The buffer ends after `limit` bytes even if the pieces go on (one
    // transfer moves at most that much; the caller loops, as POSIX allows).
    // The pieces must have passed vector_total.
    VectorBuffer(klib::Span<const IoSegment> segments, IoBuffer& memory, size_t limit = SIZE_MAX);

    size_t size() const override { return size_; }
    klib::ErrorOr<void> read_from(size_t offset, klib::Bytes destination) override;
    klib::ErrorOr<void> write_to(size_t offset, klib::ReadonlyBytes source) override;

private:
    // Calls copy(memory offset, offset within the request, length) for each
    // piece of [offset, offset + length) of this buffer, in order.
    template <typename Copy>
    klib::ErrorOr<void> for_each_piece(size_t offset, size_t length, Copy&& copy);

    klib::Span<const IoSegment> segments_;
    IoBuffer& memory_;
    size_t size_ { 0 };
    // Where the last copy ended: transfers go forwards, so the next one
    // usually starts in the same segment (no rescan from the first).
    size_t cursor_segment_ { 0 };
    size_t cursor_start_ { 0 }; // this buffer's offset of that segment's first byte
};

} // namespace vfs
