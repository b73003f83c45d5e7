#pragma once
#include <stdint.h>

#include "arch/x86_64/mm/page_table.h"
#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/span.h"
#include "lib/vector.h"
#include "mm/mapped_file.h"
#include "mm/phys_range.h"

// A process's address space: its page table plus the regions that say what
// each range is. Pages appear on first touch (demand paging); private
// writable pages are shared copy-on-write after fork. The kernel half of
// the page table is shared with every other address space.
namespace mm {

enum Protection : uint8_t {
    kProtRead = 1 << 0,
    kProtWrite = 1 << 1,
    kProtExecute = 1 << 2,
};

enum class RegionKind : uint8_t {
    Anonymous,   // zero-filled on first touch
    File,        // read from a MappedFile on first touch (private copy)
    Frames,      // fixed frames mapped at creation (layer text, kpmap)
    ProcessPage, // the process's own page (upmap): a child gets its own
};

struct Region {
    // Holds no pointer into itself (the RefPtr is a plain pointer): the
    // region list shifts regions with memmove.
    using TriviallyRelocatable = void;

    uint64_t start { 0 };
    uint64_t end { 0 };
    uint8_t protection { 0 };
    RegionKind kind { RegionKind::Anonymous };
    bool shared { false };     // writes are seen by every mapping, fork included
    bool locked { false };     // the layer window: the program may not change it
    bool grows_down { false }; // the stack: a fault just below extends it
    klib::RefPtr<MappedFile> file;
    uint64_t file_offset { 0 };
    const char* name { "" };

    uint64_t size() const { return end - start; }

    static Region make(uint64_t start, uint64_t end, uint8_t protection, RegionKind kind, const char* name)
    {
        Region region;
        region.start = start;
        region.end = end;
        region.protection = protection;
        region.kind = kind;
        region.name = name;
        return region;
    }
};

struct FaultAccess {
    bool write;
    bool execute;
    bool present; // the page was mapped: a protection fault
};

struct MemoryUsage {
    size_t regions;
    size_t mapped_bytes;   // all regions
    size_t resident_pages; // pages present in the page table
};

class AddressSpace {
public:
    static constexpr uint64_t kMaxStackSize = 8ull << 20;

    static klib::ErrorOr<klib::OwnPtr<AddressSpace>> create();
    // Drops every mapping; frames whose last reference goes are freed.
    ~AddressSpace();

    // A lazily filled region. Fails with Exists if it overlaps one.
    klib::ErrorOr<void> map(const Region&);
    // Fixed frames, mapped now, each gaining a reference.
    klib::ErrorOr<void> map_frames(uint64_t start, klib::Span<const PhysAddr> frames, uint8_t protection,
                                   RegionKind kind, const char* name, bool locked);
    // A region in place of whatever [region.start, region.end) held
    // (mmap's MAP_FIXED): unmap, then map, in one step that leaves the
    // list as it was if it fails. NotPermitted if any of it is locked.
    klib::ErrorOr<void> replace(const Region&);
    // Removes [start, start + size), splitting regions at the edges.
    // NotPermitted if any of it is locked.
    klib::ErrorOr<void> unmap(uint64_t start, uint64_t size);
    // Removes the locked regions lying inside [start, end): the kernel
    // taking a syscall layer out of a window it put it in (the program
    // itself can never remove them). Locked regions are never split, so
    // each is wholly inside or outside; returns how many went.
    size_t remove_locked(uint64_t start, uint64_t end);
    // Changes protection of [start, start + size), which must be fully mapped.
    klib::ErrorOr<void> protect(uint64_t start, uint64_t size, uint8_t protection);
    // A free range of `size` bytes below `below` (top-down), for mmap.
    klib::ErrorOr<uint64_t> find_free(uint64_t size, uint64_t below) const;

    // Resolves a page fault at `address`: Fault if the access is not allowed
    // (the process gets SIGSEGV), NoMemory if no page could be had.
    klib::ErrorOr<void> handle_fault(uint64_t address, FaultAccess);
    // Makes [start, end) present (the loader writes through the direct map).
    klib::ErrorOr<void> populate(uint64_t start, uint64_t end, bool for_write);
    // Maps, in the fault-around window holding `address`, the pages of
    // read-only file regions that the file lends; nothing is copied or
    // allocated but page tables. exec does it at entry points.
    void map_lent_pages_around(uint64_t address);
    // Writes into the address space through the kernel's direct map; works
    // whether or not it is the active one.
    klib::ErrorOr<void> write(uint64_t address, klib::ReadonlyBytes bytes);

    // fork: a copy whose private pages are shared copy-on-write (this
    // address space's writable pages become read-only until written).
    // ProcessPage regions are left empty in the copy: the caller maps the
    // child's own page there.
    klib::ErrorOr<klib::OwnPtr<AddressSpace>> clone();

    const Region* region_at(uint64_t address) const;
    bool range_is_free(uint64_t start, uint64_t end) const;
    klib::Span<const Region> regions() const { return regions_.span(); }
    MemoryUsage usage() const;

    arch::PageTable& page_table() { return table_; }
    void activate() const { table_.activate(); }

private:
    explicit AddressSpace(arch::PageTable table);
    klib::ErrorOr<void> add_region(const Region&);
    // The index of the first region ending above `address` (the one
    // holding it, or the next one up): a binary search, as the list is
    // sorted and its regions do not overlap.
    size_t first_ending_after(uint64_t address) const;
    klib::ErrorOr<void> split_at(uint64_t address);
    void unmap_pages(uint64_t start, uint64_t end);
    // Backs `page` with a frame. A page about to be written gets its own
    // frame; otherwise a file region may map the file's page read-only.
    klib::ErrorOr<void> fill_page(const Region&, uint64_t page, bool for_write);
    // Maps, read-only, the file's own frames for the pages of [start, end)
    // (in a file region) that are not mapped yet and that the file lends;
    // returns how many it mapped.
    size_t lend_pages(const Region&, uint64_t start, uint64_t end);
    static constexpr size_t kLendRun = 32; // pages per trip to the file
    // Lends the region's pages in the fault-around window holding `page`.
    void lend_pages_around(const Region&, uint64_t page);
    static constexpr uint64_t kFaultAroundBytes = 64 * 1024;
    klib::ErrorOr<void> break_copy_on_write(const Region&, uint64_t page, PhysAddr frame);
    Region* mutable_region_at(uint64_t address);
    bool try_grow_stack(uint64_t address);

    arch::PageTable table_;
    klib::Vector<Region> regions_; // sorted by start, never overlapping
};

// The page-table flags for a region's pages. Private writable pages of a
// copy-on-write share are mapped read-only until the first write.
uint32_t map_flags_for(uint8_t protection);

} // namespace mm
