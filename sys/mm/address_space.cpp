#include "mm/address_space.h"

#include <string.h>

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/mm/layout.h"
#include "arch/x86_64/mm/phys.h"
#include "lib/math.h"
#include "mm/kernel_memory.h"
#include "mm/physical_memory.h"

namespace mm {

namespace {
constexpr uint64_t kLowestAddress = 0x10000; // the first 64 KiB stay unmapped: null pointers fault

bool valid_range(uint64_t start, uint64_t size)
{
    uint64_t end;
    return size && klib::is_aligned(start, kPageSize) && klib::is_aligned(size, kPageSize)
        && !klib::add_overflows(start, size, &end) && end <= arch::layout::kUserTop && start >= kLowestAddress;
}

// For find_free: a stack region reserves the room it may grow into.
uint64_t reserved_start(const Region& region)
{
    if (!region.grows_down)
        return region.start;
    return region.end >= AddressSpace::kMaxStackSize + kPageSize ? region.end - AddressSpace::kMaxStackSize - kPageSize
                                                                  : 0;
}
} // namespace

uint32_t map_flags_for(uint8_t protection)
{
    uint32_t flags = arch::kMapUser;
    if (protection & kProtWrite)
        flags |= arch::kMapWrite;
    if (protection & kProtExecute)
        flags |= arch::kMapExecute;
    return flags;
}

AddressSpace::AddressSpace(arch::PageTable table) : table_(static_cast<arch::PageTable&&>(table)) {}

klib::ErrorOr<klib::OwnPtr<AddressSpace>> AddressSpace::create()
{
    arch::PageTable table = TRY(arch::PageTable::create_user(kernel_page_table()));
    auto* space = new (std::nothrow) AddressSpace(static_cast<arch::PageTable&&>(table));
    if (!space)
        return klib::ErrorCode::NoMemory;
    return klib::OwnPtr<AddressSpace>(space);
}

AddressSpace::~AddressSpace()
{
    // A kernel thread may still be running on this table (kernel threads
    // borrow whatever table was active); move it to the kernel's first.
    if (table_.is_active())
        kernel_page_table().activate();
    for (const Region& region : regions_)
        unmap_pages(region.start, region.end);
}

void AddressSpace::unmap_pages(uint64_t start, uint64_t end)
{
    table_.for_each_mapped(
        start, end,
        [](void* context, uint64_t virt, PhysAddr phys, uint32_t) {
            static_cast<AddressSpace*>(context)->table_.unmap(virt);
            unref_frame(phys);
        },
        this);
}

size_t AddressSpace::first_ending_after(uint64_t address) const
{
    size_t low = 0, high = regions_.size();
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        if (regions_[middle].end <= address)
            low = middle + 1;
        else
            high = middle;
    }
    return low;
}

bool AddressSpace::range_is_free(uint64_t start, uint64_t end) const
{
    size_t index = first_ending_after(start);
    return index == regions_.size() || regions_[index].start >= end;
}

const Region* AddressSpace::region_at(uint64_t address) const
{
    size_t index = first_ending_after(address);
    if (index < regions_.size() && regions_[index].start <= address)
        return &regions_[index];
    return nullptr;
}

Region* AddressSpace::mutable_region_at(uint64_t address)
{
    return const_cast<Region*>(static_cast<const AddressSpace*>(this)->region_at(address));
}

klib::ErrorOr<void> AddressSpace::add_region(const Region& region)
{
    // Regions do not overlap, so the first one ending above the new start
    // is the first one after it.
    return regions_.try_insert(first_ending_after(region.start), region);
}

klib::ErrorOr<void> AddressSpace::map(const Region& region)
{
    if (!valid_range(region.start, region.end - region.start))
        return klib::ErrorCode::Invalid;
    if (!range_is_free(region.start, region.end))
        return klib::ErrorCode::Exists;
    return add_region(region);
}

klib::ErrorOr<void> AddressSpace::map_frames(uint64_t start, klib::Span<const PhysAddr> frames, uint8_t protection,
                                             RegionKind kind, const char* name, bool locked)
{
    uint64_t size = frames.size() * kPageSize;
    if (!valid_range(start, size))
        return klib::ErrorCode::Invalid;
    if (!range_is_free(start, start + size))
        return klib::ErrorCode::Exists;
    Region region = Region::make(start, start + size, protection, kind, name);
    region.locked = locked;
    TRY(add_region(region));
    // In runs, so the upper levels are walked once per 2 MiB, not per page.
    for (size_t done = 0; done < frames.size();) {
        size_t count = klib::min<size_t>(frames.size() - done, 64);
        PhysAddr run[64];
        for (size_t i = 0; i < count; ++i)
            run[i] = frames[done + i];
        auto mapped = table_.map_run(start + done * kPageSize, count, run, map_flags_for(protection));
        bool all = !mapped.is_error();
        for (size_t i = 0; i < count; ++i) {
            if (run[i])
                all = false; // a page was mapped already
            else
                ref_frame(frames[done + i]);
        }
        done += count;
        if (!all) {
            unmap_pages(start, start + done * kPageSize);
            regions_.remove(static_cast<size_t>(mutable_region_at(start) - regions_.data()));
            return mapped.is_error() ? mapped.release_error() : klib::Error(klib::ErrorCode::Exists);
        }
    }
    return {};
}

klib::ErrorOr<void> AddressSpace::split_at(uint64_t address)
{
    // Room first: growing the list moves the regions.
    TRY(regions_.try_reserve(regions_.size() + 1));
    Region* region = mutable_region_at(address);
    if (!region || region->start == address)
        return {};
    Region upper = *region;
    upper.start = address;
    if (upper.kind == RegionKind::File)
        upper.file_offset += address - region->start;
    upper.grows_down = false; // only the lowest piece of a stack grows
    region->end = address;
    return add_region(upper);
}

klib::ErrorOr<void> AddressSpace::unmap(uint64_t start, uint64_t size)
{
    if (!valid_range(start, size))
        return klib::ErrorCode::Invalid;
    uint64_t end = start + size;
    for (size_t i = first_ending_after(start); i < regions_.size() && regions_[i].start < end; ++i)
        if (regions_[i].locked)
            return klib::ErrorCode::NotPermitted;
    TRY(split_at(start));
    TRY(split_at(end));
    // After the splits the regions inside [start, end) are one run.
    size_t first = first_ending_after(start), last = first;
    while (last < regions_.size() && regions_[last].end <= end)
        ++last;
    regions_.remove_range(first, last - first);
    unmap_pages(start, end);
    return {};
}

klib::ErrorOr<void> AddressSpace::replace(const Region& region)
{
    if (!valid_range(region.start, region.end - region.start))
        return klib::ErrorCode::Invalid;
    size_t index = first_ending_after(region.start);
    bool inside_one = index < regions_.size() && regions_[index].start <= region.start
        && region.end <= regions_[index].end && !regions_[index].locked && !regions_[index].grows_down;
    if (!inside_one) {
        TRY(unmap(region.start, region.end - region.start));
        return map(region);
    }
    // The common case (ld-elf mapping segments over the range it reserved):
    // the range lies in one region, which is reused, trimmed or split
    // around the new one, so the list shifts at most twice rather than
    // split, split, remove and insert.
    TRY(regions_.try_reserve(regions_.size() + 2));
    unmap_pages(region.start, region.end);
    Region& old = regions_[index];
    if (old.start == region.start && old.end == region.end) {
        old = region;
        return {};
    }
    if (old.start == region.start) {
        if (old.kind == RegionKind::File)
            old.file_offset += region.end - old.start;
        old.start = region.end;
        return regions_.try_insert(index, region);
    }
    if (old.end != region.end) {
        Region upper = old;
        upper.start = region.end;
        if (upper.kind == RegionKind::File)
            upper.file_offset += region.end - old.start;
        TRY(regions_.try_insert(index + 1, upper));
    }
    regions_[index].end = region.start;
    return regions_.try_insert(index + 1, region);
}

klib::ErrorOr<void> AddressSpace::protect(uint64_t start, uint64_t size, uint8_t protection)
{
    if (!valid_range(start, size))
        return klib::ErrorCode::Invalid;
    uint64_t end = start + size;
    // Every byte must be mapped (POSIX: ENOMEM otherwise).
    for (uint64_t at = start; at < end;) {
        const Region* region = region_at(at);
        if (!region)
            return klib::ErrorCode::NoMemory;
        if (region->locked)
            return klib::ErrorCode::NotPermitted;
        at = region->end;
    }
    TRY(split_at(start));
    TRY(split_at(end));
    for (Region& region : regions_)
        if (region.start >= start && region.end <= end)
            region.protection = protection;
    struct Context {
        AddressSpace* space;
        uint8_t protection;
    } context { this, protection };
    table_.for_each_mapped(
        start, end,
        [](void* raw, uint64_t virt, PhysAddr phys, uint32_t) {
            auto* c = static_cast<Context*>(raw);
            const Region* region = c->space->region_at(virt);
            uint8_t effective = c->protection;
            // A page still shared copy-on-write stays read-only until written.
            if ((effective & kProtWrite) && !region->shared && frame_for(phys)->ref_count > 1)
                effective &= ~kProtWrite;
            (void)c->space->table_.protect(virt, map_flags_for(effective));
        },
        &context);
    return {};
}

klib::ErrorOr<uint64_t> AddressSpace::find_free(uint64_t size, uint64_t below) const
{
    if (!size || !klib::is_aligned(size, kPageSize))
        return klib::ErrorCode::Invalid;
    uint64_t ceiling = klib::align_down(klib::min(below, arch::layout::kUserTop), kPageSize);
    // Walk the gaps from the top down.
    for (size_t i = regions_.size() + 1; i-- > 0;) {
        uint64_t gap_end = i == regions_.size() ? ceiling : klib::min(ceiling, reserved_start(regions_[i]));
        uint64_t gap_start = i == 0 ? kLowestAddress : regions_[i - 1].end;
        if (gap_end > gap_start && gap_end - gap_start >= size)
            return gap_end - size;
    }
    return klib::ErrorCode::NoMemory;
}

size_t AddressSpace::lend_pages(const Region& region, uint64_t start, uint64_t end)
{
    // The file's own frames, read-only, with the mapping's references
    // already taken: the first write copies (break_copy_on_write sees the
    // file's reference too).
    uint32_t flags = map_flags_for(region.protection) & ~arch::kMapWrite;
    size_t mapped = 0;
    for (uint64_t run = start; run < end;) {
        size_t count = static_cast<size_t>(klib::min<uint64_t>(klib::div_round_up(end - run, kPageSize), kLendRun));
        uint64_t absent = table_.absent_pages(run, count);
        PhysAddr frames[kLendRun];
        if (absent && region.file->share_pages(region.file_offset + (run - region.start), count, absent, frames)) {
            auto result = table_.map_run(run, count, frames, flags);
            for (size_t i = 0; i < count; ++i) {
                if (frames[i])
                    unref_frame(frames[i]); // not mapped: present already, or no page table
                else if (absent & (1ull << i))
                    ++mapped;
            }
            if (result.is_error())
                break; // out of memory for page tables: a later fault will tell
        }
        run += count * kPageSize;
    }
    return mapped;
}

void AddressSpace::lend_pages_around(const Region& region, uint64_t page)
{
    uint64_t around = klib::max(region.start, klib::align_down(page, kFaultAroundBytes));
    uint64_t around_end = klib::min(region.end, klib::align_down(page, kFaultAroundBytes) + kFaultAroundBytes);
    lend_pages(region, around, around_end);
}

void AddressSpace::map_lent_pages_around(uint64_t address)
{
    uint64_t around = klib::align_down(address, kFaultAroundBytes);
    for (size_t i = first_ending_after(around); i < regions_.size() && regions_[i].start < around + kFaultAroundBytes;
         ++i) {
        const Region& region = regions_[i];
        if (region.kind == RegionKind::File && !region.shared && !(region.protection & kProtWrite))
            lend_pages_around(region, klib::max(region.start, around));
    }
}

klib::ErrorOr<void> AddressSpace::fill_page(const Region& region, uint64_t page, bool for_write)
{
    if (region.kind == RegionKind::Frames || region.kind == RegionKind::ProcessPage)
        return klib::ErrorCode::Fault;
    // A writable private page is copied at once even when only read: it is
    // nearly always written soon (relocations, .data), and a read-only
    // loan would cost a second fault then.
    if (region.kind == RegionKind::File && !region.shared && !for_write && !(region.protection & kProtWrite)
        && lend_pages(region, page, page + kPageSize)) {
        // Fault-around: the file's pages next to this one are mapped too
        // (a page-table entry each, nothing copied), since code and data
        // are read in runs; each fault saved is a trip through the kernel.
        lend_pages_around(region, page);
        return {};
    }
    PhysAddr frame = TRY(allocate_frame(FrameUse::User));
    void* memory = arch::phys_to_virt(frame);
    uint64_t offset = region.file_offset + (page - region.start);
    klib::Optional<uint64_t> lent;
    if (region.kind == RegionKind::File && !region.shared)
        lent = region.file->share_page(offset);
    if (lent) {
        // About to be written: a copy of the file's page, straight from it.
        memcpy(memory, arch::phys_to_virt(*lent), kPageSize);
        unref_frame(*lent);
    } else if (region.kind == RegionKind::File) {
        auto read = region.file->read_page(offset, memory);
        if (read.is_error()) {
            free_frame(frame);
            return read.release_error();
        }
    } else {
        memset(memory, 0, kPageSize);
    }
    auto mapped = table_.map(page, frame, map_flags_for(region.protection));
    if (mapped.is_error()) {
        free_frame(frame);
        return mapped.release_error();
    }
    ref_frame(frame);
    return {};
}

klib::ErrorOr<void> AddressSpace::break_copy_on_write(const Region& region, uint64_t page, PhysAddr frame)
{
    uint32_t flags = map_flags_for(region.protection);
    if (region.shared || frame_for(frame)->ref_count == 1)
        return table_.protect(page, flags);
    PhysAddr copy = TRY(allocate_frame(FrameUse::User));
    memcpy(arch::phys_to_virt(copy), arch::phys_to_virt(frame), kPageSize);
    (void)table_.unmap(page);
    auto mapped = table_.map(page, copy, flags);
    if (mapped.is_error()) {
        // Put the shared page back as it was.
        (void)table_.map(page, frame, flags & ~arch::kMapWrite);
        free_frame(copy);
        return mapped.release_error();
    }
    ref_frame(copy);
    unref_frame(frame);
    return {};
}

bool AddressSpace::try_grow_stack(uint64_t address)
{
    for (size_t i = 0; i < regions_.size(); ++i) {
        Region& region = regions_[i];
        if (!region.grows_down || address >= region.start)
            continue;
        uint64_t lowest = region.end > kMaxStackSize ? region.end - kMaxStackSize : 0;
        uint64_t floor = i == 0 ? kLowestAddress : regions_[i - 1].end + kPageSize; // keep a guard page
        if (address < lowest || address < floor)
            return false;
        region.start = klib::align_down(address, kPageSize);
        return true;
    }
    return false;
}

klib::ErrorOr<void> AddressSpace::handle_fault(uint64_t address, FaultAccess access)
{
    if (address >= arch::layout::kUserTop)
        return klib::ErrorCode::Fault;
    uint64_t page = klib::align_down(address, kPageSize);
    const Region* region = region_at(address);
    if (!region) {
        if (!try_grow_stack(address))
            return klib::ErrorCode::Fault;
        region = region_at(address);
    }
    if (!(region->protection & kProtRead) && !(region->protection & kProtWrite))
        return klib::ErrorCode::Fault;
    if (access.write && !(region->protection & kProtWrite))
        return klib::ErrorCode::Fault;
    if (access.execute && !(region->protection & kProtExecute))
        return klib::ErrorCode::Fault;
    auto translation = table_.translate(page);
    if (!translation)
        return fill_page(*region, page, access.write);
    if (access.write && !(translation->flags & arch::kMapWrite))
        return break_copy_on_write(*region, page, translation->phys);
    // Already resolved (a fault that raced with a fill) or a stale TLB entry.
    arch::invlpg(page);
    return {};
}

klib::ErrorOr<void> AddressSpace::populate(uint64_t start, uint64_t end, bool for_write)
{
    uint64_t page = klib::align_down(start, kPageSize);
    while (page < end) {
        const Region* region = region_at(page);
        if (!region)
            return klib::ErrorCode::Fault;
        uint64_t stop = klib::min(end, region->end);
        // A read-only file region takes the file's pages in runs; the
        // loop below then fills only what the file does not lend (holes).
        if (!for_write && region->kind == RegionKind::File && !region->shared && !(region->protection & kProtWrite))
            lend_pages(*region, page, stop);
        if (!for_write) {
            // Only the missing pages, found a run at a time.
            while (page < stop) {
                size_t count = static_cast<size_t>(klib::min<uint64_t>(klib::div_round_up(stop - page, kPageSize), 64));
                uint64_t absent = table_.absent_pages(page, count);
                for (; absent; absent &= absent - 1)
                    TRY(fill_page(*region, page + __builtin_ctzll(absent) * kPageSize, false));
                page += count * kPageSize;
            }
            continue;
        }
        for (; page < stop; page += kPageSize) {
            auto translation = table_.translate(page);
            if (!translation)
                TRY(fill_page(*region, page, for_write));
            else if (region->kind != RegionKind::Frames && !(translation->flags & arch::kMapWrite)
                     && frame_for(translation->phys)->ref_count > 1 && !region->shared)
                TRY(break_copy_on_write(*region, page, translation->phys));
        }
    }
    return {};
}

klib::ErrorOr<void> AddressSpace::write(uint64_t address, klib::ReadonlyBytes bytes)
{
    if (bytes.is_empty())
        return {};
    TRY(populate(address, address + bytes.size(), true));
    size_t done = 0;
    while (done < bytes.size()) {
        uint64_t at = address + done;
        auto translation = table_.translate(at);
        if (!translation)
            return klib::ErrorCode::Fault;
        size_t chunk = klib::min<uint64_t>(bytes.size() - done, kPageSize - (at % kPageSize));
        memcpy(arch::phys_to_virt(translation->phys), bytes.data() + done, chunk);
        done += chunk;
    }
    return {};
}

klib::ErrorOr<klib::OwnPtr<AddressSpace>> AddressSpace::clone()
{
    auto child = TRY(create());
    TRY(child->regions_.try_reserve(regions_.size()));
    for (const Region& region : regions_)
        TRY(child->regions_.try_append(region));

    struct Context {
        AddressSpace* parent;
        AddressSpace* child;
        const Region* region;
        klib::Optional<klib::Error> error;
    } context { this, child.get(), nullptr, {} };
    for (const Region& region : regions_) {
        if (region.kind == RegionKind::ProcessPage)
            continue;
        context.region = &region;
        table_.for_each_mapped(
            region.start, region.end,
            [](void* raw, uint64_t virt, PhysAddr phys, uint32_t flags) {
                auto* c = static_cast<Context*>(raw);
                if (c->error)
                    return;
                bool copy_on_write = !c->region->shared && (c->region->protection & kProtWrite)
                    && c->region->kind != RegionKind::Frames;
                if (copy_on_write && (flags & arch::kMapWrite)) {
                    flags &= ~arch::kMapWrite;
                    (void)c->parent->table_.protect(virt, flags);
                }
                auto mapped = c->child->table_.map(virt, phys, flags);
                if (mapped.is_error()) {
                    c->error = mapped.error();
                    return;
                }
                ref_frame(phys);
            },
            &context);
        if (context.error)
            return *context.error;
    }
    // The parent's pages just lost write access; drop stale TLB entries.
    if (table_.is_active())
        table_.activate();
    return child;
}

MemoryUsage AddressSpace::usage() const
{
    MemoryUsage usage { regions_.size(), 0, 0 };
    for (const Region& region : regions_)
        usage.mapped_bytes += region.size();
    table_.for_each_mapped(
        0, arch::layout::kUserTop,
        [](void* raw, uint64_t, PhysAddr, uint32_t) { ++static_cast<MemoryUsage*>(raw)->resident_pages; }, &usage);
    return usage;
}

} // namespace mm
