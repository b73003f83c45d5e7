#include "vfs/tmpfs/regular_file.h"

#include <string.h>

#include "lib/math.h"
#include "mm/file_pages.h"
#include "vfs/io_buffer.h"

namespace vfs::tmpfs {

using klib::ErrorCode;
using klib::ErrorOr;

namespace {
// Bytes moved per lock hold; small enough for any kernel stack.
constexpr size_t kBounceSize = 512;
} // namespace

ErrorOr<klib::RefPtr<RegularFile>> RegularFile::create(klib::RefPtr<TmpfsFileSystem> fs, uint32_t permissions,
                                                       Owner owner)
{
    return klib::try_make_ref<RegularFile>(std::move(fs), permissions, owner);
}

RegularFile::~RegularFile() { fs().release_pages(pages_.count()); }

uint64_t RegularFile::size() const
{
    klib::SpinlockGuard guard(data_lock_);
    return size_;
}

uint64_t RegularFile::allocated_blocks() const
{
    klib::SpinlockGuard guard(data_lock_);
    return pages_.count() * (kPageSize / 512);
}

ErrorOr<size_t> RegularFile::read(uint64_t offset, IoBuffer& buffer, size_t count)
{
    count = klib::min(count, buffer.size());
    unsigned char bounce[kBounceSize];
    size_t done = 0;
    while (done < count) {
        uint64_t position = offset + done;
        size_t chunk;
        {
            klib::SpinlockGuard guard(data_lock_);
            if (position >= size_)
                break;
            uint64_t in_page = kPageSize - position % kPageSize;
            chunk = static_cast<size_t>(klib::min<uint64_t>(klib::min<uint64_t>(count - done, in_page),
                                                            klib::min<uint64_t>(kBounceSize, size_ - position)));
            if (const unsigned char* page = pages_.find(position / kPageSize))
                memcpy(bounce, page + position % kPageSize, chunk);
            else
                memset(bounce, 0, chunk);
        }
        auto copied = buffer.write_to(done, klib::ReadonlyBytes(bounce, chunk));
        if (copied.is_error())
            return partial_result(done, copied.error());
        done += chunk;
    }
    if (done)
        touch(kAccessTime);
    return done;
}

ErrorOr<size_t> RegularFile::write(uint64_t offset, IoBuffer& buffer, size_t count)
{
    count = klib::min(count, buffer.size());
    if (count == 0)
        return 0;
    if (offset >= kMaxSize)
        return ErrorCode::FileTooBig;
    count = static_cast<size_t>(klib::min<uint64_t>(count, kMaxSize - offset));
    unsigned char bounce[kBounceSize];
    size_t done = 0;
    klib::Optional<klib::Error> failure;
    while (done < count) {
        uint64_t position = offset + done;
        uint64_t in_page = kPageSize - position % kPageSize;
        size_t chunk = static_cast<size_t>(klib::min<uint64_t>(klib::min<uint64_t>(count - done, in_page), kBounceSize));
        auto fetched = buffer.read_from(done, klib::Bytes(bounce, chunk));
        if (fetched.is_error()) {
            failure = fetched.error();
            break;
        }
        klib::SpinlockGuard guard(data_lock_);
        unsigned char* page = pages_.find(position / kPageSize);
        if (!page) {
            auto reserved = fs().reserve_page();
            if (reserved.is_error()) {
                failure = reserved.error();
                break;
            }
            bool created = false;
            auto made = pages_.find_or_create(position / kPageSize, &created);
            if (made.is_error()) {
                fs().release_pages(1);
                failure = klib::Error(ErrorCode::NoSpace);
                break;
            }
            page = made.value();
        }
        memcpy(page + position % kPageSize, bounce, chunk);
        if (position + chunk > size_)
            size_ = position + chunk;
        done += chunk;
    }
    if (done)
        touch(kModifyTime | kChangeTime);
    if (failure.has_value())
        return partial_result(done, failure.value());
    return done;
}

size_t RegularFile::share_page_frames(uint64_t first, size_t count, uint64_t wanted, uint64_t* frames)
{
    klib::SpinlockGuard guard(data_lock_);
    // Past the end the mapping shows zeros of its own (a hole, too).
    uint64_t pages = klib::div_round_up(size_, kPageSize);
    return pages_.share_run(first, first < pages ? klib::min<uint64_t>(count, pages - first) : 0, wanted, frames, count);
}

ErrorOr<void> RegularFile::truncate(uint64_t new_size)
{
    if (new_size > kMaxSize)
        return ErrorCode::FileTooBig;
    {
        klib::SpinlockGuard guard(data_lock_);
        if (new_size < size_) {
            // Whole pages past the end go; the tail of the last one is
            // cleared so that growing again reads zeros.
            size_t freed = pages_.remove_from(klib::div_round_up(new_size, kPageSize));
            fs().release_pages(freed);
            if (new_size % kPageSize) {
                if (unsigned char* page = pages_.find(new_size / kPageSize))
                    memset(page + new_size % kPageSize, 0, kPageSize - new_size % kPageSize);
            }
        }
        size_ = new_size;
    }
    touch(kModifyTime | kChangeTime);
    return {};
}

} // namespace vfs::tmpfs
