#pragma once
// What poll() reports for each end of a pipe, worked out from the pipe's
// state alone (kept apart from the pipe itself so host tests can check it).
#include <stddef.h>

#include "vfs/file.h"

namespace ipc {

constexpr size_t kPipeCapacity = 16 * 1024;
constexpr size_t kAtomicWrite = 4096; // PIPE_BUF

struct PipeState {
    size_t used;  // bytes waiting to be read
    int readers;  // open read ends
    int writers;  // open write ends
};

// Readable while data waits; hung up once no writer is left (a read then
// sees end of file after the data).
constexpr vfs::PollEvents read_end_events(const PipeState& state)
{
    return (state.used ? vfs::kPollIn : 0) | (state.writers == 0 ? vfs::kPollHangUp : 0);
}

// Writable while a write of PIPE_BUF bytes would go in at once; an error
// once no reader is left (a write then fails with EPIPE).
constexpr vfs::PollEvents write_end_events(const PipeState& state)
{
    return (kPipeCapacity - state.used >= kAtomicWrite ? vfs::kPollOut : 0)
        | (state.readers == 0 ? vfs::kPollError : 0);
}

} // namespace ipc
