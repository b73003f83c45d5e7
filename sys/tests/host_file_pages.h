#pragma once
// The host tests' view of mm file pages (host_file_pages.cpp): a "frame"
// is the page's own address.
#include <cstddef>
#include <cstdint>

namespace host_file_pages {
size_t live_pages();
const unsigned char* page_at(uint64_t frame);
// Drops a reference share_file_page took, as unmapping would.
void unmap(uint64_t frame);
} // namespace host_file_pages
