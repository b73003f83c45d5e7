// The strtol family's parser, without errno, for the host tests.
#pragma once

#include <stdint.h>

namespace banos::libc {

enum class ParseError { None, InvalidBase, OutOfRange };

struct ParsedInteger {
    // The value, already clamped to [minimum, maximum] on overflow; for an
    // unsigned parse with a '-' sign, the negated (wrapped) value.
    uint64_t bits = 0;
    // Just past the last digit used; the start of the input when there was
    // no number at all.
    const char* end = nullptr;
    ParseError error = ParseError::None;
};

// strtol and friends: leading white space, an optional sign, an optional
// 0x/0X prefix (base 16 or 0) or 0 prefix (base 0: octal), digits in base 2
// to 36. For a signed type pass its minimum and maximum; for an unsigned
// one, minimum 0 (then a '-' negates the result, as C specifies).
ParsedInteger parse_integer(const char* string, int base, int64_t minimum, uint64_t maximum);

} // namespace banos::libc
