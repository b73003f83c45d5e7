#pragma once
#include "lib/error_or.h"
#include "ipc/pipe_events.h"
#include "lib/ref_ptr.h"
#include "vfs/file_description.h"

// Pipes: a bounded byte queue between a read end and a write end. Readers
// wait for data and see end of file once every writer has gone; writers
// wait for room and get EPIPE (and SIGPIPE) once every reader has gone.
// Writes of up to kAtomicWrite bytes are never interleaved with others.
// Every change of state is announced to poll() (proc/io_events.h).
namespace ipc {

struct PipeEnds {
    klib::RefPtr<vfs::FileDescription> read;
    klib::RefPtr<vfs::FileDescription> write;
};

// `flags` may hold O_NONBLOCK for both ends.
klib::ErrorOr<PipeEnds> create_pipe(uint32_t flags);

} // namespace ipc
