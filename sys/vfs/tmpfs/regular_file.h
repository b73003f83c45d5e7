#pragma once
#include "vfs/tmpfs/file_system.h"
#include "vfs/tmpfs/page_list.h"

namespace vfs::tmpfs {

// A regular file. Data moves between its pages and the caller's IoBuffer
// through a small bounce buffer, so the data lock is never held while the
// IoBuffer (possibly user memory) is touched.
class RegularFile final : public Node {
public:
    static constexpr uint64_t kMaxSize = INT64_MAX;

    static klib::ErrorOr<klib::RefPtr<RegularFile>> create(klib::RefPtr<TmpfsFileSystem>, uint32_t permissions, Owner);
    ~RegularFile() override;

    uint64_t size() const override;
    uint64_t allocated_blocks() const override;
    klib::ErrorOr<size_t> read(uint64_t offset, IoBuffer&, size_t count) override;
    klib::ErrorOr<size_t> write(uint64_t offset, IoBuffer&, size_t count) override;
    klib::ErrorOr<void> truncate(uint64_t size) override;
    size_t share_page_frames(uint64_t first, size_t count, uint64_t wanted, uint64_t* frames) override;

private:
    RegularFile(klib::RefPtr<TmpfsFileSystem> fs, uint32_t permissions, Owner owner)
        : Node(std::move(fs), BANOS_S_IFREG | (permissions & kPermissionMask), owner)
    {
    }
    template <typename T, typename... Args>
    friend klib::ErrorOr<klib::RefPtr<T>> klib::try_make_ref(Args&&...);

    mutable klib::Spinlock data_lock_;
    PageList pages_;
    uint64_t size_ { 0 };
};

} // namespace vfs::tmpfs
