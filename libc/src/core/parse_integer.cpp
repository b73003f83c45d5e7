#include "parse_integer.h"

#include "character.h"

namespace banos::libc {

ParsedInteger parse_integer(const char* string, int base, int64_t minimum, uint64_t maximum)
{
    ParsedInteger result;
    result.end = string;
    if (base < 0 || base == 1 || base > 36) {
        result.error = ParseError::InvalidBase;
        return result;
    }

    const char* cursor = string;
    while (character::is_space(*cursor))
        ++cursor;
    bool negative = false;
    if (*cursor == '+' || *cursor == '-')
        negative = *cursor++ == '-';

    if ((base == 0 || base == 16) && cursor[0] == '0' && (cursor[1] == 'x' || cursor[1] == 'X')
        && character::digit_value(cursor[2]) < 16) {
        cursor += 2;
        base = 16;
    } else if (base == 0) {
        base = cursor[0] == '0' ? 8 : 10;
    }

    // The largest magnitude the result may have.
    bool is_signed = minimum < 0;
    uint64_t limit = is_signed && negative ? uint64_t(0) - static_cast<uint64_t>(minimum) : maximum;

    uint64_t magnitude = 0;
    bool any_digit = false;
    bool overflow = false;
    for (;; ++cursor) {
        int digit = character::digit_value(*cursor);
        if (digit >= base)
            break;
        any_digit = true;
        if (overflow)
            continue;
        auto ubase = static_cast<uint64_t>(base);
        auto udigit = static_cast<uint64_t>(digit);
        if (magnitude > (limit - udigit) / ubase)
            overflow = true;
        else
            magnitude = magnitude * ubase + udigit;
    }
    if (!any_digit)
        return result; // no number: end stays at the start of the input

    result.end = cursor;
    if (overflow) {
        result.error = ParseError::OutOfRange;
        result.bits = is_signed && negative ? static_cast<uint64_t>(minimum) : maximum;
    } else {
        result.bits = negative ? uint64_t(0) - magnitude : magnitude;
    }
    return result;
}

} // namespace banos::libc
