#pragma once
// Kernel ABI 3's messages as the layer builds and reads them: the pure part
// of the entry (no `syscall` here), so host tests can check it.
#include <stdint.h>

#include "abi-versions/v3/kernel/abi.h"
#include "syslayer/neutral.h"

#define KERNEL_ERRORS_DEF "abi-versions/v3/kernel/errors.def"
#include "back/common/kernel_errors.h"
#undef KERNEL_ERRORS_DEF

namespace layer::trap {

// Operation numbers, from ops.def.
enum Number : uint32_t {
#define OP(number, name) name = number,
#include "abi-versions/v3/kernel/ops.def"
#undef OP
};

constexpr banos_k3_message make_message(uint32_t operation, uint64_t a0 = 0, uint64_t a1 = 0, uint64_t a2 = 0,
                                     uint64_t a3 = 0, uint64_t a4 = 0, uint64_t a5 = 0)
{
    return { operation, BANOS_K3_STATE_SUBMITTED, { a0, a1, a2, a3, a4, a5 }, 0, 0, 0 };
}


// A finished answer: rax (value) and rdx (0 or an error code).
inline Status status_of(int64_t value, uint64_t code)
{
    if (code == 0)
        return Status::ok(value);
    return Status::fail(error_of(code));
}

} // namespace layer::trap
