#include "heap.h"

namespace banos::libc::heap {

namespace {

constexpr size_t blocks_per_arena = arena_size / block_size; // 65536
constexpr size_t words_per_bitmap = blocks_per_arena / 64;
constexpr uint64_t arena_magic = 0x414e455241736f6eull; // "nosARENA"
constexpr uint32_t large_magic = 0x4c617267u;            // "graL"

struct LargeHeader {
    uint32_t magic;
    uint32_t offset;       // from the mapping's start to the pointer
    uint64_t mapping_size; // bytes
};
static_assert(sizeof(LargeHeader) == 16);

constexpr size_t round_up(size_t value, size_t multiple) { return (value + multiple - 1) / multiple * multiple; }

uint64_t bits_from(size_t bit) { return ~uint64_t(0) << bit; }

} // namespace

class Arena {
public:
    uint64_t magic;
    uint32_t free_blocks;
    uint32_t hint; // the lowest block that may be free
    uint64_t used[words_per_bitmap];
    uint64_t starts[words_per_bitmap];

    static constexpr size_t first_block = (sizeof(uint64_t) * 2 + sizeof(uint64_t) * 2 * words_per_bitmap
                                              + block_size - 1)
        / block_size;
    static constexpr size_t usable_blocks = blocks_per_arena - first_block;

    void initialize()
    {
        // The memory is zeroed: mark the header's own blocks in use.
        magic = arena_magic;
        free_blocks = static_cast<uint32_t>(usable_blocks);
        hint = static_cast<uint32_t>(first_block);
        set(used, 0, first_block);
        starts[0] |= 1;
    }

    static bool test(const uint64_t* bitmap, size_t bit) { return (bitmap[bit / 64] >> (bit % 64)) & 1; }

    static void set(uint64_t* bitmap, size_t first, size_t count)
    {
        for (size_t bit = first; bit < first + count;) {
            size_t within = bit % 64;
            size_t span = 64 - within < first + count - bit ? 64 - within : first + count - bit;
            uint64_t mask = span == 64 ? ~uint64_t(0) : ((uint64_t(1) << span) - 1) << within;
            bitmap[bit / 64] |= mask;
            bit += span;
        }
    }

    static void clear(uint64_t* bitmap, size_t first, size_t count)
    {
        for (size_t bit = first; bit < first + count;) {
            size_t within = bit % 64;
            size_t span = 64 - within < first + count - bit ? 64 - within : first + count - bit;
            uint64_t mask = span == 64 ? ~uint64_t(0) : ((uint64_t(1) << span) - 1) << within;
            bitmap[bit / 64] &= ~mask;
            bit += span;
        }
    }

    // The first free block at or after `bit` (blocks_per_arena if none).
    size_t next_free(size_t bit) const
    {
        while (bit < blocks_per_arena) {
            uint64_t free = ~used[bit / 64] & bits_from(bit % 64);
            if (free != 0)
                return bit / 64 * 64 + static_cast<size_t>(__builtin_ctzll(free));
            bit = (bit / 64 + 1) * 64;
        }
        return blocks_per_arena;
    }

    // The first block in use in [bit, end) (end if none).
    size_t next_used(size_t bit, size_t end) const
    {
        while (bit < end) {
            uint64_t taken = used[bit / 64] & bits_from(bit % 64);
            if (taken != 0) {
                size_t found = bit / 64 * 64 + static_cast<size_t>(__builtin_ctzll(taken));
                return found < end ? found : end;
            }
            bit = (bit / 64 + 1) * 64;
        }
        return end;
    }

    // The number of blocks of the allocation starting at `first`.
    size_t run_length(size_t first) const
    {
        size_t end = first + 1;
        while (end < blocks_per_arena && test(used, end) && !test(starts, end))
            ++end;
        return end - first;
    }

    // First fit: `count` free blocks starting at a multiple of `alignment`.
    size_t find(size_t count, size_t alignment) const
    {
        size_t bit = round_up(hint, alignment);
        while (bit + count <= blocks_per_arena) {
            size_t free = next_free(bit);
            if (free != bit) {
                bit = round_up(free, alignment);
                continue;
            }
            size_t taken = next_used(bit, bit + count);
            if (taken == bit + count)
                return bit;
            bit = round_up(next_free(taken), alignment);
        }
        return blocks_per_arena;
    }

    void take(size_t first, size_t count)
    {
        set(used, first, count);
        starts[first / 64] |= uint64_t(1) << (first % 64);
        free_blocks -= static_cast<uint32_t>(count);
        if (first <= hint && hint < first + count)
            hint = static_cast<uint32_t>(first + count);
    }

    void give(size_t first, size_t count, bool whole)
    {
        clear(used, first, count);
        if (whole)
            starts[first / 64] &= ~(uint64_t(1) << (first % 64));
        free_blocks += static_cast<uint32_t>(count);
        if (first < hint)
            hint = static_cast<uint32_t>(first);
    }

    char* block_address(size_t block) { return reinterpret_cast<char*>(this) + block * block_size; }

    // The block index of an allocation's pointer, or 0 when it is not one.
    size_t block_of(const void* pointer) const
    {
        size_t offset = static_cast<size_t>(reinterpret_cast<const char*>(pointer) - reinterpret_cast<const char*>(this));
        if (offset % block_size != 0)
            return 0;
        size_t block = offset / block_size;
        if (block < first_block || !test(used, block) || !test(starts, block))
            return 0;
        return block;
    }
};

static_assert(sizeof(Arena) <= Arena::first_block * block_size);

Arena* Heap::arena_of(const void* pointer) const
{
    auto base = reinterpret_cast<uintptr_t>(pointer) & ~(arena_size - 1);
    size_t low = 0, high = arena_count_;
    while (low < high) {
        size_t middle = (low + high) / 2;
        auto candidate = reinterpret_cast<uintptr_t>(arenas_[middle]);
        if (candidate == base)
            return arenas_[middle];
        if (candidate < base)
            low = middle + 1;
        else
            high = middle;
    }
    return nullptr;
}

bool Heap::add_arena(Arena* arena)
{
    if (arena_count_ == arena_capacity_) {
        size_t capacity = arena_capacity_ == 0 ? page_size / sizeof(Arena*) : arena_capacity_ * 2;
        size_t bytes = round_up(capacity * sizeof(Arena*), page_size);
        auto** table = static_cast<Arena**>(source_.map(source_.context, bytes, page_size));
        if (table == nullptr)
            return false;
        for (size_t i = 0; i < arena_count_; ++i)
            table[i] = arenas_[i];
        if (arenas_ != nullptr)
            source_.unmap(source_.context, arenas_, round_up(arena_capacity_ * sizeof(Arena*), page_size));
        arenas_ = table;
        arena_capacity_ = capacity;
    }
    size_t index = arena_count_;
    while (index > 0 && arenas_[index - 1] > arena) {
        arenas_[index] = arenas_[index - 1];
        --index;
    }
    arenas_[index] = arena;
    ++arena_count_;
    return true;
}

void Heap::remove_arena(size_t index)
{
    Arena* arena = arenas_[index];
    for (size_t i = index + 1; i < arena_count_; ++i)
        arenas_[i - 1] = arenas_[i];
    --arena_count_;
    arena->magic = 0;
    source_.unmap(source_.context, arena, arena_size);
    if (arena_count_ == 0) {
        source_.unmap(source_.context, arenas_, round_up(arena_capacity_ * sizeof(Arena*), page_size));
        arenas_ = nullptr;
        arena_capacity_ = 0;
    }
}

void* Heap::allocate_small(size_t blocks, size_t alignment_blocks)
{
    for (size_t i = 0; i < arena_count_; ++i) {
        Arena* arena = arenas_[i];
        if (arena->free_blocks < blocks)
            continue;
        size_t first = arena->find(blocks, alignment_blocks);
        if (first < blocks_per_arena) {
            arena->take(first, blocks);
            return arena->block_address(first);
        }
    }
    auto* arena = static_cast<Arena*>(source_.map(source_.context, arena_size, arena_size));
    if (arena == nullptr)
        return nullptr;
    arena->initialize();
    if (!add_arena(arena)) {
        source_.unmap(source_.context, arena, arena_size);
        return nullptr;
    }
    size_t first = arena->find(blocks, alignment_blocks);
    arena->take(first, blocks);
    return arena->block_address(first);
}

void* Heap::allocate_large(size_t size, size_t alignment)
{
    size_t offset = alignment > sizeof(LargeHeader) ? alignment : sizeof(LargeHeader);
    if (offset > UINT32_MAX || size > SIZE_MAX / 2 - offset - page_size)
        return nullptr;
    size_t mapping_size = round_up(offset + size, page_size);
    char* mapping = static_cast<char*>(source_.map(source_.context, mapping_size, alignment > page_size ? alignment : page_size));
    if (mapping == nullptr)
        return nullptr;
    char* pointer = mapping + offset;
    auto* header = reinterpret_cast<LargeHeader*>(pointer - sizeof(LargeHeader));
    header->magic = large_magic;
    header->offset = static_cast<uint32_t>(offset);
    header->mapping_size = mapping_size;
    ++large_count_;
    large_bytes_ += mapping_size;
    return pointer;
}

void* Heap::allocate(size_t size, size_t alignment)
{
    if (alignment < block_size)
        alignment = block_size;
    if ((alignment & (alignment - 1)) != 0)
        return nullptr;
    if (size < small_limit && alignment <= small_limit) {
        size_t blocks = size == 0 ? 1 : (size + block_size - 1) / block_size;
        return allocate_small(blocks, alignment / block_size);
    }
    return allocate_large(size, alignment);
}

void* Heap::allocate_zeroed(size_t size)
{
    void* pointer = allocate(size);
    // Large allocations are fresh mappings, zero already.
    if (pointer != nullptr && size < small_limit)
        __builtin_memset(pointer, 0, size);
    return pointer;
}

bool Heap::release(void* pointer)
{
    if (pointer == nullptr)
        return true;
    if (Arena* arena = arena_of(pointer)) {
        size_t first = arena->block_of(pointer);
        if (first == 0)
            return false;
        arena->give(first, arena->run_length(first), true);
        if (arena->free_blocks == Arena::usable_blocks) {
            for (size_t i = 0; i < arena_count_; ++i) {
                if (arenas_[i] == arena) {
                    remove_arena(i);
                    break;
                }
            }
        }
        return true;
    }
    if (reinterpret_cast<uintptr_t>(pointer) % block_size != 0)
        return false;
    auto* header = reinterpret_cast<LargeHeader*>(static_cast<char*>(pointer) - sizeof(LargeHeader));
    if (header->magic != large_magic)
        return false;
    header->magic = 0;
    size_t mapping_size = header->mapping_size;
    --large_count_;
    large_bytes_ -= mapping_size;
    source_.unmap(source_.context, static_cast<char*>(pointer) - header->offset, mapping_size);
    return true;
}

size_t Heap::usable_size(const void* pointer) const
{
    if (pointer == nullptr)
        return 0;
    if (Arena* arena = arena_of(pointer)) {
        size_t first = arena->block_of(pointer);
        return first == 0 ? 0 : arena->run_length(first) * block_size;
    }
    auto* header = reinterpret_cast<const LargeHeader*>(static_cast<const char*>(pointer) - sizeof(LargeHeader));
    if (header->magic != large_magic)
        return 0;
    return header->mapping_size - header->offset;
}

void* Heap::reallocate(void* pointer, size_t size, bool* invalid)
{
    *invalid = false;
    if (pointer == nullptr)
        return allocate(size);
    if (size == 0) {
        *invalid = !release(pointer);
        return nullptr;
    }
    size_t old_size;
    if (Arena* arena = arena_of(pointer)) {
        size_t first = arena->block_of(pointer);
        if (first == 0) {
            *invalid = true;
            return nullptr;
        }
        size_t old_blocks = arena->run_length(first);
        old_size = old_blocks * block_size;
        if (size < small_limit) {
            size_t blocks = (size + block_size - 1) / block_size;
            if (blocks <= old_blocks) {
                if (blocks < old_blocks)
                    arena->give(first + blocks, old_blocks - blocks, false);
                return pointer;
            }
            size_t end = first + blocks;
            if (end <= blocks_per_arena && arena->next_used(first + old_blocks, end) == end) {
                Arena::set(arena->used, first + old_blocks, blocks - old_blocks);
                arena->free_blocks -= static_cast<uint32_t>(blocks - old_blocks);
                if (first + old_blocks <= arena->hint && arena->hint < end)
                    arena->hint = static_cast<uint32_t>(end);
                return pointer;
            }
        }
    } else {
        old_size = usable_size(pointer);
        if (old_size == 0) {
            *invalid = true;
            return nullptr;
        }
        // Keep the mapping while the new size still needs one and wastes
        // less than half of it.
        if (size >= small_limit && size <= old_size && size >= old_size / 2)
            return pointer;
    }
    void* moved = allocate(size);
    if (moved == nullptr)
        return nullptr;
    __builtin_memcpy(moved, pointer, old_size < size ? old_size : size);
    release(pointer);
    return moved;
}

Statistics Heap::statistics() const
{
    Statistics statistics;
    statistics.arenas = arena_count_;
    statistics.large_mappings = large_count_;
    statistics.mapped_bytes = arena_count_ * arena_size + large_bytes_;
    for (size_t i = 0; i < arena_count_; ++i)
        statistics.used_blocks += Arena::usable_blocks - arenas_[i]->free_blocks;
    return statistics;
}

bool Heap::check_consistency() const
{
    for (size_t i = 0; i < arena_count_; ++i) {
        const Arena* arena = arenas_[i];
        if (arena->magic != arena_magic || (i > 0 && arenas_[i - 1] >= arena))
            return false;
        if (reinterpret_cast<uintptr_t>(arena) % arena_size != 0)
            return false;
        size_t free = 0;
        for (size_t block = Arena::first_block; block < blocks_per_arena; ++block) {
            bool in_use = Arena::test(arena->used, block);
            if (!in_use) {
                ++free;
                if (Arena::test(arena->starts, block) || block < arena->hint)
                    return false; // a start bit on a free block, or a free block below the hint
            }
        }
        if (free != arena->free_blocks || free == Arena::usable_blocks)
            return false;
    }
    return true;
}

} // namespace banos::libc::heap
