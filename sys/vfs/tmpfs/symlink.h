#pragma once
#include "vfs/name.h"
#include "vfs/tmpfs/file_system.h"

namespace vfs::tmpfs {

// A symbolic link: its target text, fixed at creation. Mode 0777.
class Symlink final : public Node {
public:
    static klib::ErrorOr<klib::RefPtr<Symlink>> create(klib::RefPtr<TmpfsFileSystem>, klib::StringView target, Owner);

    uint64_t size() const override { return target_.size(); }
    klib::ErrorOr<size_t> read_link(char* buffer, size_t capacity) override;

private:
    Symlink(klib::RefPtr<TmpfsFileSystem> fs, Name target, Owner owner)
        : Node(std::move(fs), BANOS_S_IFLNK | 0777, owner), target_(std::move(target))
    {
    }
    template <typename T, typename... Args>
    friend klib::ErrorOr<klib::RefPtr<T>> klib::try_make_ref(Args&&...);

    Name target_;
};

} // namespace vfs::tmpfs
