#pragma once
#include <stdint.h>

#include "arch/x86_64/mm/page_table.h"
#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "lib/span.h"
#include "lib/spinlock.h"
#include "lib/vector.h"
#include "mm/phys_range.h"

// A process's address space: its page table plus the list of regions that
// says what each mapped range is. The kernel half is shared with every
// other address space.
namespace mm {

struct Region {
    uint64_t start;
    uint64_t end;
    uint32_t flags;  // arch::MapFlags
    bool locked;     // the program may not unmap, remap or reprotect it (the layer window)
    const char* name;
};

class AddressSpace {
public:
    static klib::ErrorOr<klib::OwnPtr<AddressSpace>> create();
    // Drops every mapping; frames whose last reference goes are freed.
    ~AddressSpace();

    // Zero-filled pages, allocated now.
    klib::ErrorOr<void> map_anonymous(uint64_t start, uint64_t size, uint32_t flags, const char* name,
                                      bool locked = false);
    // Existing frames, one per page, each gaining a reference.
    klib::ErrorOr<void> map_frames(uint64_t start, klib::Span<const PhysAddr> frames, uint32_t flags,
                                   const char* name, bool locked = false);
    // Writes into mapped pages through the kernel's direct map, so it works
    // whether or not this address space is the active one (the loader).
    klib::ErrorOr<void> write(uint64_t address, klib::ReadonlyBytes bytes);

    const Region* region_at(uint64_t address) const;
    bool range_is_free(uint64_t start, uint64_t end) const;
    klib::Span<const Region> regions() const { return regions_.span(); }

    arch::PageTable& page_table() { return table_; }
    void activate() const { table_.activate(); }

private:
    explicit AddressSpace(arch::PageTable table) : table_(static_cast<arch::PageTable&&>(table)) {}
    klib::ErrorOr<void> add_region(const Region&);
    void unmap_range(uint64_t start, uint64_t end);

    arch::PageTable table_;
    klib::Vector<Region> regions_; // sorted by start, never overlapping
};

} // namespace mm
