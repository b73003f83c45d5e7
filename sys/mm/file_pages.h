#pragma once
// Pages of file data that user mappings can share. A file system that
// keeps its data in these (tmpfs does) lets a private file mapping map the
// file's own frame read-only instead of copying it: exec and ld-elf then
// cost one page-table entry per page touched, and every process runs the
// same physical text (which is also what lets an emulator's translation
// cache survive from one exec to the next).
//
// A page is one whole frame, reference counted like every mapped frame:
// the file holds one reference, each mapping another, so a page the file
// drops (truncate, unlink) lives on in the mappings that still show it.
#include <stdint.h>

#include "lib/error_or.h"

namespace mm {

// A zeroed page, with the caller's (the file's) reference.
klib::ErrorOr<unsigned char*> allocate_file_page();
// Drops the file's reference.
void release_file_page(unsigned char* page);
// A new reference for a mapping; returns the page's physical address.
uint64_t share_file_page(unsigned char* page);

} // namespace mm
