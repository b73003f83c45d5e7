#include "lib/bitmap.h"

#include "lib/math.h"

namespace klib {

void Bitmap::fill(bool value)
{
    set_range(0, bit_count_, value);
}

void Bitmap::set_range(size_t first, size_t count, bool value)
{
    KASSERT(first <= bit_count_ && count <= bit_count_ - first);
    size_t bit = first;
    size_t end = first + count;
    while (bit < end && bit % kBitsPerWord)
        set(bit++, value);
    while (bit + kBitsPerWord <= end) {
        words_[bit / kBitsPerWord] = value ? ~0ull : 0;
        bit += kBitsPerWord;
    }
    while (bit < end)
        set(bit++, value);
}

namespace {
// Portable population count (the builtin needs libgcc without -mpopcnt).
unsigned popcount(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ull);
    x = (x & 0x3333333333333333ull) + ((x >> 2) & 0x3333333333333333ull);
    x = (x + (x >> 4)) & 0x0f0f0f0f0f0f0f0full;
    return static_cast<unsigned>((x * 0x0101010101010101ull) >> 56);
}
} // namespace

size_t Bitmap::count_set() const
{
    size_t total = 0;
    size_t full_words = bit_count_ / kBitsPerWord;
    for (size_t i = 0; i < full_words; ++i)
        total += popcount(words_[i]);
    for (size_t bit = full_words * kBitsPerWord; bit < bit_count_; ++bit)
        total += get(bit);
    return total;
}

Optional<size_t> Bitmap::find_first(bool value, size_t from) const
{
    size_t bit = from;
    while (bit < bit_count_) {
        uint64_t word = words_[bit / kBitsPerWord];
        if (!value)
            word = ~word;
        word &= ~0ull << (bit % kBitsPerWord);
        if (word) {
            size_t found = (bit & ~(kBitsPerWord - 1)) + __builtin_ctzll(word);
            if (found < bit_count_)
                return found;
            return {};
        }
        bit = (bit & ~(kBitsPerWord - 1)) + kBitsPerWord;
    }
    return {};
}

Optional<size_t> Bitmap::find_clear_run(size_t count, size_t alignment, size_t from) const
{
    KASSERT(count > 0 && is_power_of_two(alignment));
    size_t start = align_up(from, alignment);
    while (start + count <= bit_count_) {
        auto first_clear = find_first(false, start);
        if (!first_clear)
            return {};
        start = align_up(*first_clear, alignment);
        if (start + count > bit_count_)
            return {};
        auto next_set = find_first(true, start);
        if (!next_set || *next_set >= start + count)
            return start;
        start = align_up(*next_set + 1, alignment);
    }
    return {};
}

} // namespace klib
