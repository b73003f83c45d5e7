#pragma once
// Failing a call: the program ABI's errno number goes through the TCB's
// errno_ptr (the layer writes errno on failure only), and the slot returns -1.
#include "abi-versions/common/tcb.h"
#include "syslayer/neutral.h"

namespace layer {

struct ErrnoTable {
    int16_t numbers[256];
};

constexpr ErrnoTable make_errno_table()
{
    ErrnoTable table {};
    for (auto& number : table.numbers)
        number = 5; // EIO for anything a program ABI has no number for
#define ERRNO(symbol, number, neutral) table.numbers[static_cast<unsigned>(Error::neutral)] = number;
#include BANOS_PROGRAM_ERRNO_DEF
#undef ERRNO
    return table;
}
inline constexpr ErrnoTable kErrnoTable = make_errno_table();

inline int program_errno(Error error) { return kErrnoTable.numbers[static_cast<unsigned>(error) & 0xff]; }

inline void store_errno(Error error)
{
    int* target;
    asm volatile("mov %%fs:%c1, %0" : "=r"(target) : "i"(BANOS_TCB_ERRNO_PTR));
    *target = program_errno(error);
}

// The usual end of a slot: its value, or -1 with errno set.
inline int64_t finish(Status status)
{
    if (status.failed()) {
        store_errno(status.error);
        return -1;
    }
    return status.value;
}

} // namespace layer
