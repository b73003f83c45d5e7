#pragma once
#include <stdint.h>

#include "mm/user_memory.h"
#include "vfs/io_buffer.h"

namespace sys {

// The calling process's memory as a read's destination or a write's
// source: every copy is checked and a bad address is Fault.
class UserBuffer final : public vfs::IoBuffer {
public:
    UserBuffer(uint64_t address, size_t size) : address_(address), size_(size) {}

    size_t size() const override { return size_; }
    klib::ErrorOr<void> read_from(size_t offset, klib::Bytes destination) override
    {
        if (!in_bounds(offset, destination.size()))
            return klib::ErrorCode::Fault;
        return mm::copy_from_user(destination.data(), address_ + offset, destination.size());
    }
    klib::ErrorOr<void> write_to(size_t offset, klib::ReadonlyBytes source) override
    {
        if (!in_bounds(offset, source.size()))
            return klib::ErrorCode::Fault;
        return mm::copy_to_user(address_ + offset, source.data(), source.size());
    }

private:
    uint64_t address_;
    size_t size_;
};

} // namespace sys
