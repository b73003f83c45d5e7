#pragma once
// An ErrorCode -> number table from a kernel ABI's errors.def, made by the
// preprocessor: include with KABI_ERRORS_DEF naming the file.
#include <stdint.h>

#include "lib/error.h"

namespace kabi {

struct ErrorNumbers {
    int16_t numbers[static_cast<unsigned>(klib::ErrorCode::Count)];
};

constexpr ErrorNumbers make_error_numbers()
{
    ErrorNumbers table {};
#define KERROR(name, number) table.numbers[static_cast<unsigned>(klib::ErrorCode::name)] = number;
#include KABI_ERRORS_DEF
#undef KERROR
    for (auto& number : table.numbers)
        if (number == 0)
            number = 5; // unmapped errors read as EIO rather than success
    return table;
}

} // namespace kabi
