#include "vfs/tmpfs/symlink.h"

#include <string.h>

#include "lib/math.h"

namespace vfs::tmpfs {

klib::ErrorOr<klib::RefPtr<Symlink>> Symlink::create(klib::RefPtr<TmpfsFileSystem> fs, klib::StringView target,
                                                     Owner owner)
{
    if (target.is_empty())
        return klib::ErrorCode::NoEntry;
    if (target.size() > kMaxPathLength)
        return klib::ErrorCode::NameTooLong;
    auto name = TRY(Name::create(target));
    return klib::try_make_ref<Symlink>(std::move(fs), std::move(name), owner);
}

klib::ErrorOr<size_t> Symlink::read_link(char* buffer, size_t capacity)
{
    size_t length = klib::min(capacity, target_.size());
    if (length)
        memcpy(buffer, target_.view().data(), length);
    touch(kAccessTime);
    return length;
}

} // namespace vfs::tmpfs
