#pragma once
#include <stddef.h>

#include "lib/error_or.h"
#include "lib/span.h"

// Where the bytes of a read go. The file layer implements it for user
// buffers (copies with fault recovery: Fault for a bad pointer); the
// terminal only ever copies to increasing offsets from 0.
namespace tty {

class IoTarget {
public:
    // Copies `bytes` to offset `offset` of the destination.
    virtual klib::ErrorOr<void> copy_out(size_t offset, klib::ReadonlyBytes bytes) = 0;

protected:
    ~IoTarget() = default;
};

// A kernel buffer as a read's destination (kernel readers, self-tests).
class KernelIoTarget final : public IoTarget {
public:
    explicit KernelIoTarget(klib::Bytes buffer) : buffer_(buffer) {}

    klib::ErrorOr<void> copy_out(size_t offset, klib::ReadonlyBytes bytes) override
    {
        if (offset > buffer_.size() || bytes.size() > buffer_.size() - offset)
            return klib::ErrorCode::Fault;
        for (size_t i = 0; i < bytes.size(); ++i)
            buffer_[offset + i] = bytes[i];
        return {};
    }

private:
    klib::Bytes buffer_;
};

} // namespace tty
