#pragma once
// A file's data pages, by page index, kept sorted in one vector: compact
// for small and sparse files, appends at the end are cheap, lookups are a
// binary search. Missing pages are holes. Pages are mm file pages
// (mm/file_pages.h), so mappings of the file can share them.
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/vector.h"

namespace vfs::tmpfs {

class PageList {
public:
    PageList() = default;
    PageList(const PageList&) = delete;
    PageList& operator=(const PageList&) = delete;
    ~PageList();

    size_t count() const { return entries_.size(); }
    // The page, or nullptr for a hole.
    unsigned char* find(uint64_t index) const;
    // The page, allocated (zeroed) if missing; *created tells which.
    klib::ErrorOr<unsigned char*> find_or_create(uint64_t index, bool* created);
    // For each page first .. first + count - 1 that `wanted` marks (bit i),
    // frames[i] = its frame with a new reference (mm::share_file_page), or
    // 0 for a hole; frames[count .. total) = 0. Returns how many it lent.
    size_t share_run(uint64_t first, size_t count, uint64_t wanted, uint64_t* frames, size_t total) const;
    // Frees every page at or after first_index; returns how many.
    size_t remove_from(uint64_t first_index);

private:
    struct Entry {
        uint64_t index;
        unsigned char* page;
    };
    // The position of the first entry with index >= `index`.
    size_t lower_bound(uint64_t index) const;

    klib::Vector<Entry> entries_;
};

} // namespace vfs::tmpfs
