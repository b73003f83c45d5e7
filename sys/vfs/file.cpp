#include "vfs/file.h"

#include "vfs/file_description.h"
#include "vfs/inode.h"

namespace vfs {

using klib::ErrorCode;

klib::ErrorOr<int64_t> File::ioctl(FileDescription&, uint32_t, uint64_t) { return ErrorCode::NotTerminal; }

klib::ErrorOr<size_t> InodeFile::read(FileDescription& description, uint64_t offset, IoBuffer& buffer, size_t count)
{
    Inode* inode = description.inode();
    if (!inode)
        return ErrorCode::BadDescriptor;
    return inode->read(offset, buffer, count);
}

klib::ErrorOr<size_t> InodeFile::write(FileDescription& description, uint64_t offset, IoBuffer& buffer, size_t count)
{
    Inode* inode = description.inode();
    if (!inode)
        return ErrorCode::BadDescriptor;
    return inode->write(offset, buffer, count);
}

} // namespace vfs
