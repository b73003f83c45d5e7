#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/assert.h"
#include "lib/optional.h"

namespace klib {

constexpr size_t c_string_length(const char* s)
{
    size_t n = 0;
    while (s[n])
        ++n;
    return n;
}

// A borrowed, not necessarily NUL-terminated piece of text.
class StringView {
public:
    constexpr StringView() = default;
    constexpr StringView(const char* s) : data_(s), size_(s ? c_string_length(s) : 0) {}
    constexpr StringView(const char* s, size_t n) : data_(s), size_(n) {}

    constexpr const char* data() const { return data_; }
    constexpr size_t size() const { return size_; }
    constexpr bool is_empty() const { return size_ == 0; }
    constexpr char operator[](size_t i) const
    {
        KASSERT(i < size_);
        return data_[i];
    }
    constexpr const char* begin() const { return data_; }
    constexpr const char* end() const { return data_ + size_; }

    constexpr StringView substring(size_t start, size_t length) const
    {
        KASSERT(start <= size_ && length <= size_ - start);
        return { data_ + start, length };
    }
    constexpr StringView substring(size_t start) const { return substring(start, size_ - start); }

    constexpr bool operator==(StringView other) const
    {
        if (size_ != other.size_)
            return false;
        for (size_t i = 0; i < size_; ++i)
            if (data_[i] != other.data_[i])
                return false;
        return true;
    }
    constexpr bool starts_with(StringView prefix) const
    {
        return prefix.size_ <= size_ && substring(0, prefix.size_) == prefix;
    }
    constexpr bool ends_with(StringView suffix) const
    {
        return suffix.size_ <= size_ && substring(size_ - suffix.size_) == suffix;
    }
    Optional<size_t> find(char c, size_t from = 0) const
    {
        for (size_t i = from; i < size_; ++i)
            if (data_[i] == c)
                return i;
        return {};
    }
    Optional<size_t> find_last(char c) const
    {
        for (size_t i = size_; i > 0; --i)
            if (data_[i - 1] == c)
                return i - 1;
        return {};
    }

    // Parses the whole view as an unsigned number: decimal, or hex with 0x.
    Optional<uint64_t> to_uint() const;

private:
    const char* data_ { nullptr };
    size_t size_ { 0 };
};

// FNV-1a: small, good enough for symbol and name tables.
constexpr uint64_t hash_bytes(const char* data, size_t size)
{
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < size; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 1099511628211ull;
    }
    return h;
}

} // namespace klib
