#include "vfs/mapped_inode.h"

#include <string.h>
#include <new>

#include "vfs/io_buffer.h"

namespace vfs {

namespace {
constexpr uint64_t kPageSize = 4096;

class MappedInode final : public mm::MappedFile {
public:
    explicit MappedInode(klib::RefPtr<Inode> inode) : inode_(static_cast<klib::RefPtr<Inode>&&>(inode)) {}

    klib::ErrorOr<void> read_page(uint64_t offset, void* page) override
    {
        KernelBuffer buffer(page, kPageSize);
        size_t got = TRY(inode_->read(offset, buffer, kPageSize));
        memset(static_cast<char*>(page) + got, 0, kPageSize - got);
        return {};
    }

    size_t share_pages(uint64_t offset, size_t count, uint64_t wanted, uint64_t* frames) override
    {
        if (offset % kPageSize)
            wanted = 0; // a page of the mapping straddles two of the file's
        return inode_->share_page_frames(offset / kPageSize, count, wanted, frames);
    }

private:
    klib::RefPtr<Inode> inode_;
};
} // namespace

klib::ErrorOr<klib::RefPtr<mm::MappedFile>> map_inode(klib::RefPtr<Inode> inode)
{
    auto* file = new (std::nothrow) MappedInode(static_cast<klib::RefPtr<Inode>&&>(inode));
    if (!file)
        return klib::ErrorCode::NoMemory;
    return klib::RefPtr<mm::MappedFile>(klib::RefPtr<mm::MappedFile>::Adopt, file);
}

} // namespace vfs
