// mm/file_pages.h on the host: pages from the C++ heap, with the same
// reference counting as the kernel's frames, so the tmpfs tests can check
// that a lent page outlives the file's hold on it.
#include "host_file_pages.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <new>

#include "mm/file_pages.h"

namespace {
std::map<unsigned char*, int>& references()
{
    static std::map<unsigned char*, int> table;
    return table;
}

void drop(unsigned char* page)
{
    auto found = references().find(page);
    if (found == references().end())
        std::abort();
    if (--found->second == 0) {
        references().erase(found);
        ::operator delete(page, std::align_val_t(4096));
    }
}
} // namespace

namespace mm {

klib::ErrorOr<unsigned char*> allocate_file_page()
{
    auto* page = static_cast<unsigned char*>(::operator new(4096, std::align_val_t(4096)));
    std::memset(page, 0, 4096);
    references()[page] = 1;
    return page;
}

void release_file_page(unsigned char* page) { drop(page); }

uint64_t share_file_page(unsigned char* page)
{
    ++references().at(page);
    return reinterpret_cast<uint64_t>(page);
}

} // namespace mm

namespace host_file_pages {

size_t live_pages() { return references().size(); }

const unsigned char* page_at(uint64_t frame) { return reinterpret_cast<const unsigned char*>(frame); }

void unmap(uint64_t frame) { drop(reinterpret_cast<unsigned char*>(frame)); }

} // namespace host_file_pages
