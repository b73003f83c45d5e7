#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/assert.h"
#include "lib/optional.h"

namespace klib {

// A view of bits stored in caller-provided 64-bit words; searches go a word
// at a time.
class Bitmap {
public:
    static constexpr size_t kBitsPerWord = 64;
    static constexpr size_t words_for(size_t bits) { return (bits + kBitsPerWord - 1) / kBitsPerWord; }

    Bitmap() = default;
    Bitmap(uint64_t* words, size_t bit_count) : words_(words), bit_count_(bit_count) {}

    size_t size() const { return bit_count_; }
    uint64_t* words() const { return words_; }

    bool get(size_t bit) const
    {
        KASSERT(bit < bit_count_);
        return (words_[bit / kBitsPerWord] >> (bit % kBitsPerWord)) & 1;
    }
    void set(size_t bit, bool value)
    {
        KASSERT(bit < bit_count_);
        uint64_t mask = 1ull << (bit % kBitsPerWord);
        if (value)
            words_[bit / kBitsPerWord] |= mask;
        else
            words_[bit / kBitsPerWord] &= ~mask;
    }
    void fill(bool value);
    void set_range(size_t first, size_t count, bool value);
    size_t count_set() const;

    // First bit with the given value at or after `from`.
    Optional<size_t> find_first(bool value, size_t from = 0) const;
    // First run of `count` clear bits starting at a multiple of `alignment`.
    Optional<size_t> find_clear_run(size_t count, size_t alignment = 1, size_t from = 0) const;

private:
    uint64_t* words_ { nullptr };
    size_t bit_count_ { 0 };
};

} // namespace klib
