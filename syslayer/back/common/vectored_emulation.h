#pragma once
// readv and writev on a kernel without them (kernel ABI 1), built on read
// and write. A vector of up to kBounceSize bytes in all goes through one
// read or write of a bounce buffer on the stack, so it is one transfer and
// as atomic as the real call (a pipe keeps a write of up to PIPE_BUF bytes
// whole). A longer one is one transfer per buffer, stopping at the first
// short or failed one: the count is honest (what moved), only not atomic.
// A bad buffer address here faults in the program (SIGSEGV) where the real
// call would fail with EFAULT.
#include "abi-versions/v3/program/types.h" // BANOS_IOV_MAX
#include "back/common/register_basic.h"

namespace layer::backend::emulation {

constexpr uint64_t kBounceSize = 4096; // PIPE_BUF

// Invalid for a count outside [0, BANOS_IOV_MAX] or a total past SSIZE_MAX.
inline Status vector_total(const IoVector* vector, int32_t count)
{
    if (count < 0 || count > BANOS_IOV_MAX)
        return Status::fail(Error::Invalid);
    uint64_t total = 0;
    for (int32_t i = 0; i < count; ++i) {
        if (vector[i].length > static_cast<uint64_t>(INT64_MAX) - total)
            return Status::fail(Error::Invalid);
        total += vector[i].length;
    }
    return Status::ok(static_cast<int64_t>(total));
}

// One transfer per buffer (`transfer` is read or write).
template <typename Transfer>
Status each_buffer(int32_t fd, const IoVector* vector, int32_t count, Transfer&& transfer)
{
    int64_t done = 0;
    for (int32_t i = 0; i < count; ++i) {
        if (vector[i].length == 0)
            continue;
        Status moved = transfer(fd, reinterpret_cast<void*>(vector[i].base), vector[i].length);
        if (moved.failed())
            return done ? Status::ok(done) : moved;
        done += moved.value;
        if (static_cast<uint64_t>(moved.value) < vector[i].length)
            break;
    }
    return Status::ok(done);
}

inline Status readv(int32_t fd, const IoVector* vector, int32_t count)
{
    Status total = vector_total(vector, count);
    if (total.failed())
        return total;
    if (static_cast<uint64_t>(total.value) > kBounceSize)
        return each_buffer(fd, vector, count, [](int32_t f, void* base, uint64_t length) { return read(f, base, length); });
    unsigned char bounce[kBounceSize];
    Status got = read(fd, bounce, static_cast<uint64_t>(total.value));
    if (got.failed())
        return got;
    uint64_t placed = 0;
    for (int32_t i = 0; i < count && placed < static_cast<uint64_t>(got.value); ++i) {
        uint64_t piece = vector[i].length;
        if (piece > static_cast<uint64_t>(got.value) - placed)
            piece = static_cast<uint64_t>(got.value) - placed;
        if (piece)
            __builtin_memcpy(reinterpret_cast<void*>(vector[i].base), bounce + placed, piece);
        placed += piece;
    }
    return got;
}

inline Status writev(int32_t fd, const IoVector* vector, int32_t count)
{
    Status total = vector_total(vector, count);
    if (total.failed())
        return total;
    if (static_cast<uint64_t>(total.value) > kBounceSize)
        return each_buffer(fd, vector, count,
                           [](int32_t f, void* base, uint64_t length) { return write(f, base, length); });
    unsigned char bounce[kBounceSize];
    uint64_t gathered = 0;
    for (int32_t i = 0; i < count; ++i) {
        if (vector[i].length)
            __builtin_memcpy(bounce + gathered, reinterpret_cast<const void*>(vector[i].base), vector[i].length);
        gathered += vector[i].length;
    }
    return write(fd, bounce, gathered);
}

} // namespace layer::backend::emulation
