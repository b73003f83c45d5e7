#pragma once
// The caller's side of a read or write: memory the data comes from or goes
// to. File systems never touch the memory directly; they copy through an
// IoBuffer, so one code path serves kernel memory (KernelBuffer) and user
// memory (the kernel's UserBuffer, which fails with Fault on a bad address).
//
// Partial transfers: a file that has moved some bytes when a copy fails
// returns the count so far; only a failure before the first byte returns the
// error (partial_result below). That is what read(2)/write(2) report when a
// user buffer turns bad halfway.
#include <stddef.h>

#include "lib/error_or.h"
#include "lib/span.h"

namespace vfs {

class IoBuffer {
public:
    virtual ~IoBuffer() = default;

    virtual size_t size() const = 0;
    // Copies size() bytes of the buffer starting at `offset` into
    // `destination` (the data a write() supplies).
    virtual klib::ErrorOr<void> read_from(size_t offset, klib::Bytes destination) = 0;
    // Copies `source` into the buffer starting at `offset` (the data a read()
    // delivers).
    virtual klib::ErrorOr<void> write_to(size_t offset, klib::ReadonlyBytes source) = 0;

protected:
    // Offset and length within [0, size()), checked without overflow.
    bool in_bounds(size_t offset, size_t length) const { return offset <= size() && length <= size() - offset; }
};

// Kernel memory. A buffer made from read-only memory refuses write_to with
// Fault, as a read-only user page would.
class KernelBuffer final : public IoBuffer {
public:
    KernelBuffer(void* data, size_t size) : data_(static_cast<unsigned char*>(data)), size_(size) {}
    explicit KernelBuffer(klib::Bytes bytes) : KernelBuffer(bytes.data(), bytes.size()) {}
    static KernelBuffer read_only(const void* data, size_t size)
    {
        KernelBuffer buffer(const_cast<void*>(data), size);
        buffer.read_only_ = true;
        return buffer;
    }

    size_t size() const override { return size_; }
    klib::ErrorOr<void> read_from(size_t offset, klib::Bytes destination) override;
    klib::ErrorOr<void> write_to(size_t offset, klib::ReadonlyBytes source) override;

private:
    unsigned char* data_;
    size_t size_;
    bool read_only_ { false };
};

// The result of a transfer that stopped with `error` after `done` bytes.
inline klib::ErrorOr<size_t> partial_result(size_t done, klib::Error error)
{
    if (done > 0)
        return done;
    return error;
}

} // namespace vfs
