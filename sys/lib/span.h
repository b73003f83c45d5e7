#pragma once
#include <stddef.h>

#include "lib/assert.h"

namespace klib {

// A borrowed, bounds-checked view of contiguous objects.
template <typename T>
class Span {
public:
    constexpr Span() = default;
    constexpr Span(T* data, size_t size) : data_(data), size_(size) {}
    template <size_t N>
    constexpr Span(T (&array)[N]) : data_(array), size_(N) {}

    constexpr T* data() const { return data_; }
    constexpr size_t size() const { return size_; }
    constexpr bool is_empty() const { return size_ == 0; }
    constexpr T& operator[](size_t index) const
    {
        KASSERT(index < size_);
        return data_[index];
    }
    constexpr Span subspan(size_t offset, size_t count) const
    {
        KASSERT(offset <= size_ && count <= size_ - offset);
        return Span(data_ + offset, count);
    }
    constexpr Span subspan(size_t offset) const { return subspan(offset, size_ - offset); }
    constexpr T* begin() const { return data_; }
    constexpr T* end() const { return data_ + size_; }

private:
    T* data_ { nullptr };
    size_t size_ { 0 };
};

using Bytes = Span<unsigned char>;
using ReadonlyBytes = Span<const unsigned char>;

} // namespace klib
