#include "vfs/tmpfs/page_list.h"


#include "mm/file_pages.h"
#include "vfs/tmpfs/file_system.h"

namespace vfs::tmpfs {

PageList::~PageList() { remove_from(0); }

size_t PageList::lower_bound(uint64_t index) const
{
    size_t low = 0;
    size_t high = entries_.size();
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (entries_[middle].index < index)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

unsigned char* PageList::find(uint64_t index) const
{
    size_t position = lower_bound(index);
    if (position < entries_.size() && entries_[position].index == index)
        return entries_[position].page;
    return nullptr;
}

size_t PageList::share_run(uint64_t first, size_t count, uint64_t wanted, uint64_t* frames, size_t total) const
{
    size_t lent = 0;
    // One search, then the sorted entries in step with the pages.
    size_t position = lower_bound(first);
    for (size_t i = 0; i < total; ++i) {
        frames[i] = 0;
        if (i >= count || !(wanted & (1ull << i)))
            continue;
        while (position < entries_.size() && entries_[position].index < first + i)
            ++position;
        if (position < entries_.size() && entries_[position].index == first + i) {
            frames[i] = mm::share_file_page(entries_[position].page);
            ++lent;
        }
    }
    return lent;
}

klib::ErrorOr<unsigned char*> PageList::find_or_create(uint64_t index, bool* created)
{
    *created = false;
    size_t position = lower_bound(index);
    if (position < entries_.size() && entries_[position].index == index)
        return entries_[position].page;
    unsigned char* page = TRY(mm::allocate_file_page());
    auto inserted = entries_.try_insert(position, Entry { index, page });
    if (inserted.is_error()) {
        mm::release_file_page(page);
        return inserted.release_error();
    }
    *created = true;
    return page;
}

size_t PageList::remove_from(uint64_t first_index)
{
    size_t removed = 0;
    while (!entries_.is_empty() && entries_.last().index >= first_index) {
        mm::release_file_page(entries_.take_last().page);
        ++removed;
    }
    return removed;
}

} // namespace vfs::tmpfs
