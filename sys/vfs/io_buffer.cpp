#include "vfs/io_buffer.h"

#include <string.h>

namespace vfs {

using klib::ErrorCode;

klib::ErrorOr<void> KernelBuffer::read_from(size_t offset, klib::Bytes destination)
{
    if (!in_bounds(offset, destination.size()))
        return ErrorCode::Fault;
    if (destination.size())
        memcpy(destination.data(), data_ + offset, destination.size());
    return {};
}

klib::ErrorOr<void> KernelBuffer::write_to(size_t offset, klib::ReadonlyBytes source)
{
    if (read_only_ || !in_bounds(offset, source.size()))
        return ErrorCode::Fault;
    if (source.size())
        memcpy(data_ + offset, source.data(), source.size());
    return {};
}

} // namespace vfs
