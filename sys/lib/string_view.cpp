#include "lib/string_view.h"

namespace klib {

Optional<uint64_t> StringView::to_uint() const
{
    if (is_empty())
        return {};
    unsigned base = 10;
    size_t i = 0;
    if (size_ > 2 && data_[0] == '0' && (data_[1] == 'x' || data_[1] == 'X')) {
        base = 16;
        i = 2;
    }
    uint64_t value = 0;
    for (; i < size_; ++i) {
        char c = data_[i];
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return {};
        if (__builtin_mul_overflow(value, base, &value) || __builtin_add_overflow(value, digit, &value))
            return {};
    }
    return value;
}

} // namespace klib
