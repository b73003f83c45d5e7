#include "vfs/file_descriptor_table.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;

namespace {
// Slots grow in steps, so a small process keeps a small table.
constexpr size_t kGrowthStep = 64;
bool in_range(int fd) { return fd >= 0 && fd < FileDescriptorTable::kMaxDescriptors; }
} // namespace

FileDescriptorTable::~FileDescriptorTable() { close_all(); }

bool FileDescriptorTable::is_open_locked(int fd) const { return in_range(fd) && used().get(static_cast<size_t>(fd)); }

ErrorOr<void> FileDescriptorTable::grow_locked(int fd)
{
    size_t needed = static_cast<size_t>(fd) + 1;
    if (needed <= slots_.size())
        return {};
    size_t wanted = (needed + kGrowthStep - 1) / kGrowthStep * kGrowthStep;
    if (wanted > static_cast<size_t>(kMaxDescriptors))
        wanted = kMaxDescriptors;
    TRY(slots_.try_reserve(wanted));
    while (slots_.size() < wanted)
        TRY(slots_.try_append(RefPtr<FileDescription>()));
    return {};
}

RefPtr<FileDescription> FileDescriptorTable::install_locked(int fd, RefPtr<FileDescription> description,
                                                            bool close_on_exec)
{
    auto index = static_cast<size_t>(fd);
    RefPtr<FileDescription> previous = std::move(slots_[index]);
    slots_[index] = std::move(description);
    used().set(index, true);
    cloexec().set(index, close_on_exec);
    return previous;
}

ErrorOr<int> FileDescriptorTable::allocate_locked(RefPtr<FileDescription> description, bool close_on_exec,
                                                  int minimum)
{
    if (!description || !in_range(minimum))
        return ErrorCode::Invalid;
    auto free = used().find_first(false, static_cast<size_t>(minimum));
    if (!free.has_value())
        return ErrorCode::TooManyOpenFiles;
    int fd = static_cast<int>(free.value());
    TRY(grow_locked(fd));
    // The slot was free: nothing to release.
    (void)install_locked(fd, std::move(description), close_on_exec);
    return fd;
}

ErrorOr<int> FileDescriptorTable::allocate(RefPtr<FileDescription> description, bool close_on_exec, int minimum)
{
    klib::SpinlockGuard guard(lock_);
    return allocate_locked(std::move(description), close_on_exec, minimum);
}

ErrorOr<RefPtr<FileDescription>> FileDescriptorTable::get(int fd) const
{
    klib::SpinlockGuard guard(lock_);
    if (!is_open_locked(fd))
        return ErrorCode::BadDescriptor;
    return slots_[static_cast<size_t>(fd)];
}

ErrorOr<void> FileDescriptorTable::close(int fd)
{
    RefPtr<FileDescription> released;
    {
        klib::SpinlockGuard guard(lock_);
        if (!is_open_locked(fd))
            return ErrorCode::BadDescriptor;
        auto index = static_cast<size_t>(fd);
        released = std::move(slots_[index]);
        used().set(index, false);
        cloexec().set(index, false);
    }
    return {};
}

ErrorOr<int> FileDescriptorTable::dup(int fd) { return dup_minimum(fd, 0, false); }

ErrorOr<int> FileDescriptorTable::dup_minimum(int fd, int minimum, bool close_on_exec)
{
    klib::SpinlockGuard guard(lock_);
    if (!is_open_locked(fd))
        return ErrorCode::BadDescriptor;
    if (!in_range(minimum))
        return ErrorCode::Invalid;
    return allocate_locked(slots_[static_cast<size_t>(fd)], close_on_exec, minimum);
}

ErrorOr<int> FileDescriptorTable::dup2(int old_fd, int new_fd)
{
    RefPtr<FileDescription> released;
    {
        klib::SpinlockGuard guard(lock_);
        if (!is_open_locked(old_fd) || !in_range(new_fd))
            return ErrorCode::BadDescriptor;
        if (old_fd == new_fd)
            return new_fd;
        TRY(grow_locked(new_fd));
        released = install_locked(new_fd, slots_[static_cast<size_t>(old_fd)], false);
    }
    return new_fd;
}

ErrorOr<int> FileDescriptorTable::dup3(int old_fd, int new_fd, uint32_t flags)
{
    if (flags & ~static_cast<uint32_t>(BANOS_O_CLOEXEC))
        return ErrorCode::Invalid;
    if (old_fd == new_fd)
        return ErrorCode::Invalid;
    RefPtr<FileDescription> released;
    {
        klib::SpinlockGuard guard(lock_);
        if (!is_open_locked(old_fd) || !in_range(new_fd))
            return ErrorCode::BadDescriptor;
        TRY(grow_locked(new_fd));
        released = install_locked(new_fd, slots_[static_cast<size_t>(old_fd)], flags & BANOS_O_CLOEXEC);
    }
    return new_fd;
}

ErrorOr<bool> FileDescriptorTable::close_on_exec(int fd) const
{
    klib::SpinlockGuard guard(lock_);
    if (!is_open_locked(fd))
        return ErrorCode::BadDescriptor;
    return cloexec().get(static_cast<size_t>(fd));
}

ErrorOr<void> FileDescriptorTable::set_close_on_exec(int fd, bool value)
{
    klib::SpinlockGuard guard(lock_);
    if (!is_open_locked(fd))
        return ErrorCode::BadDescriptor;
    cloexec().set(static_cast<size_t>(fd), value);
    return {};
}

ErrorOr<klib::OwnPtr<FileDescriptorTable>> FileDescriptorTable::clone() const
{
    auto copy = TRY(klib::try_make<FileDescriptorTable>());
    klib::SpinlockGuard guard(lock_);
    TRY(copy->slots_.try_reserve(slots_.size()));
    for (auto& slot : slots_)
        TRY(copy->slots_.try_append(slot));
    for (size_t i = 0; i < kWords; ++i) {
        copy->used_words_[i] = used_words_[i];
        copy->cloexec_words_[i] = cloexec_words_[i];
    }
    return copy;
}

void FileDescriptorTable::close_marked_on_exec()
{
    klib::Vector<RefPtr<FileDescription>> released;
    {
        klib::SpinlockGuard guard(lock_);
        for (size_t fd = 0; fd < slots_.size(); ++fd) {
            if (!used().get(fd) || !cloexec().get(fd))
                continue;
            RefPtr<FileDescription> description = std::move(slots_[fd]);
            used().set(fd, false);
            cloexec().set(fd, false);
            // Out of memory, the description is released here, under the
            // lock, rather than kept open.
            (void)released.try_append(std::move(description));
        }
    }
}

void FileDescriptorTable::close_all()
{
    klib::Vector<RefPtr<FileDescription>> released;
    {
        klib::SpinlockGuard guard(lock_);
        released = std::move(slots_);
        for (size_t i = 0; i < kWords; ++i)
            used_words_[i] = cloexec_words_[i] = 0;
    }
}

int FileDescriptorTable::open_count() const
{
    klib::SpinlockGuard guard(lock_);
    return static_cast<int>(used().count_set());
}

} // namespace vfs
