#pragma once
#include <stddef.h>
#include <stdint.h>

#include "arch/x86_64/mm/phys.h"
#include "lib/error_or.h"
#include "lib/optional.h"

namespace arch {

// Architecture-neutral mapping attributes; the page table turns them into
// x86 bits (readable is implied; NX is set unless Execute is asked for).
enum MapFlags : uint32_t {
    kMapWrite = 1 << 0,
    kMapUser = 1 << 1,
    kMapExecute = 1 << 2,
    kMapUncached = 1 << 3,
    kMapGlobal = 1 << 4,
};

struct Translation {
    PhysAddr phys;
    uint32_t flags;
    uint64_t page_size;
};

// Where page-table pages come from and go back to.
struct PageTableFrames {
    klib::ErrorOr<PhysAddr> (*allocate)();
    void (*free)(PhysAddr);
};
void set_page_table_frames(PageTableFrames);

// One 4-level hierarchy (a PML4 and everything below it).
class PageTable {
public:
    // The kernel's table, with all 256 kernel-half PML4 slots populated so
    // every address space can share them by copying those slots.
    static klib::ErrorOr<PageTable> create_kernel();
    // An address space: empty user half, the kernel half of `kernel`.
    static klib::ErrorOr<PageTable> create_user(const PageTable& kernel);
    // Adopts whatever CR3 points at (used for the boot tables).
    static PageTable current();

    PageTable(PageTable&& other) : root_(other.root_), owns_user_half_(other.owns_user_half_) { other.root_ = 0; }
    PageTable& operator=(PageTable&&);
    PageTable(const PageTable&) = delete;
    PageTable& operator=(const PageTable&) = delete;
    // Frees the user half's tables (not the pages they map: their owners do).
    ~PageTable();

    PhysAddr root() const { return root_; }
    bool is_active() const;
    void activate() const;

    // Fails with Exists if the page is already mapped.
    klib::ErrorOr<void> map(uint64_t virt, PhysAddr phys, uint32_t flags);
    klib::ErrorOr<void> map_large(uint64_t virt, PhysAddr phys, uint32_t flags);
    // Returns the physical page that was mapped there.
    klib::Optional<PhysAddr> unmap(uint64_t virt);
    klib::ErrorOr<void> protect(uint64_t virt, uint32_t flags);
    klib::Optional<Translation> translate(uint64_t virt) const;
    // Runs of up to 64 pages from `virt`, walking the upper levels once per
    // 2 MiB rather than once per page (fault-around, populate):
    // bit i set when page virt + i * 4 KiB is not mapped.
    uint64_t absent_pages(uint64_t virt, size_t count) const;
    // Maps frames[i] at virt + i * 4 KiB for every nonzero frames[i] whose
    // page is not mapped yet, and zeroes frames[i] for each page it mapped:
    // what stays nonzero was not used. Fails (NoMemory) only for lack of a
    // page table; the pages before stay mapped.
    klib::ErrorOr<void> map_run(uint64_t virt, size_t count, PhysAddr* frames, uint32_t flags);

    // Creates every intermediate table [start, end) needs, without mapping
    // anything, so later mappings there never allocate page tables.
    klib::ErrorOr<void> prepare(uint64_t start, uint64_t end);

    // Calls visit(context, virt, phys, flags) for every mapped 4 KiB page in
    // [start, end), skipping empty upper levels quickly.
    using Visitor = void (*)(void* context, uint64_t virt, PhysAddr phys, uint32_t flags);
    void for_each_mapped(uint64_t start, uint64_t end, Visitor visit, void* context) const;

private:
    explicit PageTable(PhysAddr root, bool owns_user_half) : root_(root), owns_user_half_(owns_user_half) {}
    klib::ErrorOr<uint64_t*> walk_to_leaf_table(uint64_t virt, unsigned leaf_level, bool create, bool user);
    // The level-1 table holding virt's entry; null if an upper level is
    // absent, and `huge` set if a large page maps it.
    const uint64_t* leaf_table(uint64_t virt, bool* huge) const;
    void invalidate(uint64_t virt) const;

    PhysAddr root_;
    bool owns_user_half_;
};

} // namespace arch
