#include "length.h"

#include <stddef.h>

namespace banos::libc {

Length parse_length(const char*& cursor)
{
    switch (*cursor) {
    case 'h':
        ++cursor;
        if (*cursor != 'h')
            return Length::Short;
        ++cursor;
        return Length::Char;
    case 'l':
        ++cursor;
        if (*cursor != 'l')
            return Length::Long;
        ++cursor;
        return Length::LongLong;
    case 'q':
        ++cursor;
        return Length::LongLong;
    case 'j':
        ++cursor;
        return Length::Max;
    case 'z':
        ++cursor;
        return Length::Size;
    case 't':
        ++cursor;
        return Length::Ptrdiff;
    case 'L':
        ++cursor;
        return Length::LongDouble;
    default:
        return Length::Default;
    }
}

void store_integer(va_list& arguments, Length length, uint64_t value)
{
    switch (length) {
    case Length::Char:
        *va_arg(arguments, signed char*) = static_cast<signed char>(value);
        break;
    case Length::Short:
        *va_arg(arguments, short*) = static_cast<short>(value);
        break;
    case Length::Long:
        *va_arg(arguments, long*) = static_cast<long>(value);
        break;
    case Length::LongLong:
    case Length::LongDouble:
        *va_arg(arguments, long long*) = static_cast<long long>(value);
        break;
    case Length::Size:
        *va_arg(arguments, size_t*) = static_cast<size_t>(value);
        break;
    case Length::Max:
        *va_arg(arguments, intmax_t*) = static_cast<intmax_t>(value);
        break;
    case Length::Ptrdiff:
        *va_arg(arguments, ptrdiff_t*) = static_cast<ptrdiff_t>(value);
        break;
    default:
        *va_arg(arguments, int*) = static_cast<int>(value);
        break;
    }
}

} // namespace banos::libc
