#include "arch/x86_64/mm/page_table.h"

#include <string.h>

#include "arch/x86_64/cpu/cpu.h"
#include "lib/math.h"

namespace arch {

uint64_t g_phys_to_virt_offset = 0;

namespace {
constexpr uint64_t kPresent = 1ull << 0;
constexpr uint64_t kWritable = 1ull << 1;
constexpr uint64_t kUser = 1ull << 2;
constexpr uint64_t kWriteThrough = 1ull << 3;
constexpr uint64_t kCacheDisable = 1ull << 4;
constexpr uint64_t kHuge = 1ull << 7;
constexpr uint64_t kGlobal = 1ull << 8;
constexpr uint64_t kNoExecute = 1ull << 63;
constexpr uint64_t kAddressMask = 0x000ffffffffff000ull;
constexpr unsigned kEntries = 512;

PageTableFrames g_frames {};

unsigned index_at(uint64_t virt, unsigned level) { return (virt >> (12 + 9 * (level - 1))) & 511; }

uint64_t* table_at(PhysAddr phys) { return phys_to_virt<uint64_t>(phys); }

uint64_t leaf_bits(uint32_t flags)
{
    uint64_t bits = kPresent;
    if (flags & kMapWrite)
        bits |= kWritable;
    if (flags & kMapUser)
        bits |= kUser;
    if (!(flags & kMapExecute))
        bits |= kNoExecute;
    if (flags & kMapUncached)
        bits |= kCacheDisable | kWriteThrough;
    if (flags & kMapGlobal)
        bits |= kGlobal;
    return bits;
}

uint32_t flags_from_bits(uint64_t entry)
{
    uint32_t flags = 0;
    if (entry & kWritable)
        flags |= kMapWrite;
    if (entry & kUser)
        flags |= kMapUser;
    if (!(entry & kNoExecute))
        flags |= kMapExecute;
    if (entry & kCacheDisable)
        flags |= kMapUncached;
    if (entry & kGlobal)
        flags |= kMapGlobal;
    return flags;
}

klib::ErrorOr<PhysAddr> allocate_table()
{
    PhysAddr frame = TRY(g_frames.allocate());
    memset(table_at(frame), 0, 4096);
    return frame;
}

// Frees the tables under one entry of a table at `level`, not the pages.
void free_subtree(uint64_t entry, unsigned level)
{
    if (!(entry & kPresent) || (entry & kHuge))
        return;
    PhysAddr table = entry & kAddressMask;
    if (level > 2) {
        uint64_t* entries = table_at(table);
        for (unsigned i = 0; i < kEntries; ++i)
            if (entries[i] & kPresent)
                free_subtree(entries[i], level - 1);
    }
    g_frames.free(table);
}
} // namespace

void set_page_table_frames(PageTableFrames frames) { g_frames = frames; }

klib::ErrorOr<PageTable> PageTable::create_kernel()
{
    PhysAddr root = TRY(allocate_table());
    uint64_t* pml4 = table_at(root);
    for (unsigned i = 256; i < kEntries; ++i) {
        auto pdpt = allocate_table();
        if (pdpt.is_error()) {
            for (unsigned j = 256; j < i; ++j)
                g_frames.free(pml4[j] & kAddressMask);
            g_frames.free(root);
            return pdpt.release_error();
        }
        pml4[i] = pdpt.value() | kPresent | kWritable;
    }
    return PageTable(root, false);
}

klib::ErrorOr<PageTable> PageTable::create_user(const PageTable& kernel)
{
    PhysAddr root = TRY(allocate_table());
    memcpy(table_at(root) + 256, table_at(kernel.root_) + 256, 256 * sizeof(uint64_t));
    return PageTable(root, true);
}

PageTable PageTable::current() { return PageTable(read_cr3() & kAddressMask, false); }

PageTable& PageTable::operator=(PageTable&& other)
{
    if (this != &other) {
        this->~PageTable();
        root_ = other.root_;
        owns_user_half_ = other.owns_user_half_;
        other.root_ = 0;
    }
    return *this;
}

PageTable::~PageTable()
{
    if (!root_ || !owns_user_half_)
        return;
    uint64_t* pml4 = table_at(root_);
    for (unsigned i = 0; i < 256; ++i)
        free_subtree(pml4[i], 4);
    g_frames.free(root_);
    root_ = 0;
}

bool PageTable::is_active() const { return (read_cr3() & kAddressMask) == root_; }

void PageTable::activate() const { write_cr3(root_); }

void PageTable::invalidate(uint64_t virt) const
{
    if (layout::is_kernel_address(virt) || is_active())
        invlpg(virt);
}

klib::ErrorOr<uint64_t*> PageTable::walk_to_leaf_table(uint64_t virt, unsigned leaf_level, bool create, bool user)
{
    if (!layout::is_canonical(virt))
        return klib::ErrorCode::Invalid;
    uint64_t* table = table_at(root_);
    for (unsigned level = 4; level > leaf_level; --level) {
        uint64_t& entry = table[index_at(virt, level)];
        if (!(entry & kPresent)) {
            if (!create)
                return klib::ErrorCode::NoEntry;
            PhysAddr fresh = TRY(allocate_table());
            // Permissions are decided at the leaf; upper levels allow all.
            entry = fresh | kPresent | kWritable | (user ? kUser : 0);
        } else if (entry & kHuge) {
            return klib::ErrorCode::Exists;
        }
        table = table_at(entry & kAddressMask);
    }
    return table;
}

klib::ErrorOr<void> PageTable::map(uint64_t virt, PhysAddr phys, uint32_t flags)
{
    if (!klib::is_aligned(virt, layout::kPageSize) || !klib::is_aligned(phys, layout::kPageSize))
        return klib::ErrorCode::Invalid;
    uint64_t* table = TRY(walk_to_leaf_table(virt, 1, true, flags & kMapUser));
    uint64_t& entry = table[index_at(virt, 1)];
    if (entry & kPresent)
        return klib::ErrorCode::Exists;
    entry = phys | leaf_bits(flags);
    return {};
}

klib::ErrorOr<void> PageTable::map_large(uint64_t virt, PhysAddr phys, uint32_t flags)
{
    if (!klib::is_aligned(virt, layout::kLargePageSize) || !klib::is_aligned(phys, layout::kLargePageSize))
        return klib::ErrorCode::Invalid;
    uint64_t* table = TRY(walk_to_leaf_table(virt, 2, true, flags & kMapUser));
    uint64_t& entry = table[index_at(virt, 2)];
    if (entry & kPresent)
        return klib::ErrorCode::Exists;
    entry = phys | leaf_bits(flags) | kHuge;
    return {};
}

klib::ErrorOr<void> PageTable::prepare(uint64_t start, uint64_t end)
{
    constexpr uint64_t kTableSpan = 2ull << 20; // one level-1 table
    for (uint64_t virt = klib::align_down(start, kTableSpan); virt < end; virt += kTableSpan)
        TRY(walk_to_leaf_table(virt, 1, true, !layout::is_kernel_address(virt)));
    return {};
}

klib::Optional<PhysAddr> PageTable::unmap(uint64_t virt)
{
    auto table = walk_to_leaf_table(virt, 1, false, false);
    if (table.is_error())
        return {};
    uint64_t& entry = table.value()[index_at(virt, 1)];
    if (!(entry & kPresent))
        return {};
    PhysAddr phys = entry & kAddressMask;
    entry = 0;
    invalidate(virt);
    return phys;
}

klib::ErrorOr<void> PageTable::protect(uint64_t virt, uint32_t flags)
{
    uint64_t* table = TRY(walk_to_leaf_table(virt, 1, false, false));
    uint64_t& entry = table[index_at(virt, 1)];
    if (!(entry & kPresent))
        return klib::ErrorCode::NoEntry;
    entry = (entry & kAddressMask) | leaf_bits(flags);
    invalidate(virt);
    return {};
}

const uint64_t* PageTable::leaf_table(uint64_t virt, bool* huge) const
{
    *huge = false;
    const uint64_t* table = table_at(root_);
    for (unsigned level = 4; level > 1; --level) {
        uint64_t entry = table[index_at(virt, level)];
        if (!(entry & kPresent))
            return nullptr;
        if (entry & kHuge) {
            *huge = true;
            return nullptr;
        }
        table = table_at(entry & kAddressMask);
    }
    return table;
}

uint64_t PageTable::absent_pages(uint64_t virt, size_t count) const
{
    KASSERT(count <= 64 && klib::is_aligned(virt, layout::kPageSize) && layout::is_canonical(virt));
    constexpr uint64_t kTableSpan = layout::kPageSize * kEntries;
    uint64_t absent = 0, table_base = 1; // no table looked up yet (bases are aligned)
    const uint64_t* table = nullptr;
    bool huge = false;
    for (size_t i = 0; i < count; ++i) {
        uint64_t page = virt + i * layout::kPageSize;
        if (klib::align_down(page, kTableSpan) != table_base) {
            table_base = klib::align_down(page, kTableSpan);
            table = leaf_table(page, &huge);
        }
        if (!huge && (!table || !(table[index_at(page, 1)] & kPresent)))
            absent |= 1ull << i;
    }
    return absent;
}

klib::ErrorOr<void> PageTable::map_run(uint64_t virt, size_t count, PhysAddr* frames, uint32_t flags)
{
    KASSERT(count <= 64 && klib::is_aligned(virt, layout::kPageSize));
    constexpr uint64_t kTableSpan = layout::kPageSize * kEntries;
    uint64_t bits = leaf_bits(flags), table_base = 1;
    uint64_t* table = nullptr;
    for (size_t i = 0; i < count; ++i) {
        if (!frames[i])
            continue;
        uint64_t page = virt + i * layout::kPageSize;
        if (klib::align_down(page, kTableSpan) != table_base) {
            table = TRY(walk_to_leaf_table(page, 1, true, flags & kMapUser));
            table_base = klib::align_down(page, kTableSpan);
        }
        uint64_t& entry = table[index_at(page, 1)];
        if (entry & kPresent)
            continue;
        entry = frames[i] | bits;
        frames[i] = 0;
    }
    return {};
}

klib::Optional<Translation> PageTable::translate(uint64_t virt) const
{
    if (!layout::is_canonical(virt))
        return {};
    uint64_t* table = table_at(root_);
    for (unsigned level = 4; level >= 1; --level) {
        uint64_t entry = table[index_at(virt, level)];
        if (!(entry & kPresent))
            return {};
        bool leaf = level == 1 || ((level == 2 || level == 3) && (entry & kHuge));
        if (leaf) {
            uint64_t page_size = 1ull << (12 + 9 * (level - 1));
            PhysAddr base = entry & kAddressMask & ~(page_size - 1);
            return Translation { base + (virt & (page_size - 1)), flags_from_bits(entry), page_size };
        }
        table = table_at(entry & kAddressMask);
    }
    return {};
}

namespace {
void visit_level(uint64_t* table, unsigned level, uint64_t base, uint64_t start, uint64_t end,
                 PageTable::Visitor visit, void* context)
{
    uint64_t span = 1ull << (12 + 9 * (level - 1));
    // Only the entries that overlap [start, end): fork and exit walk every
    // region, and most regions cover a few entries of each table.
    uint64_t first = start > base ? (start - base) / span : 0;
    uint64_t last = klib::min<uint64_t>((end - 1 - base) / span, kEntries - 1);
    for (uint64_t i = first; i <= last; ++i) {
        uint64_t virt = base + i * span;
        uint64_t entry = table[i];
        if (!(entry & kPresent))
            continue;
        if (level == 1) {
            visit(context, virt, entry & kAddressMask, flags_from_bits(entry));
        } else if (!(entry & kHuge)) {
            visit_level(table_at(entry & kAddressMask), level - 1, virt, start, end, visit, context);
        }
    }
}
} // namespace

void PageTable::for_each_mapped(uint64_t start, uint64_t end, Visitor visit, void* context) const
{
    // Only the user half is walked this way; its addresses need no sign extension.
    if (start >= layout::kUserTop)
        return;
    end = klib::min(end, layout::kUserTop);
    if (start < end)
        visit_level(table_at(root_), 4, 0, start, end, visit, context);
}

} // namespace arch
