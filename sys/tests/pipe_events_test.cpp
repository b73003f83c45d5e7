// What poll() reports for each end of a pipe, from the pipe's state.
// The ABI headers first: <gtest/gtest.h> brings in <sys/stat.h>, whose
// st_atime macros would rename their fields.
#include "ipc/pipe_events.h"

#include <gtest/gtest.h>

namespace {

using ipc::kAtomicWrite;
using ipc::kPipeCapacity;
using ipc::PipeState;

TEST(PipeEvents, ReadEndIsReadableOnlyWithData)
{
    EXPECT_EQ(ipc::read_end_events(PipeState { 0, 1, 1 }), 0);
    EXPECT_EQ(ipc::read_end_events(PipeState { 1, 1, 1 }), vfs::kPollIn);
    EXPECT_EQ(ipc::read_end_events(PipeState { kPipeCapacity, 1, 1 }), vfs::kPollIn);
}

TEST(PipeEvents, ReadEndHangsUpWithoutWriters)
{
    EXPECT_EQ(ipc::read_end_events(PipeState { 0, 1, 0 }), vfs::kPollHangUp);
    // Data still waiting is still readable.
    EXPECT_EQ(ipc::read_end_events(PipeState { 5, 1, 0 }), vfs::kPollIn | vfs::kPollHangUp);
    // More than one writer: hang-up only when the last one goes.
    EXPECT_EQ(ipc::read_end_events(PipeState { 0, 1, 2 }), 0);
}

TEST(PipeEvents, WriteEndIsWritableWhilePipeBufFits)
{
    EXPECT_EQ(ipc::write_end_events(PipeState { 0, 1, 1 }), vfs::kPollOut);
    EXPECT_EQ(ipc::write_end_events(PipeState { kPipeCapacity - kAtomicWrite, 1, 1 }), vfs::kPollOut);
    // One byte less than PIPE_BUF of room: a small write would wait.
    EXPECT_EQ(ipc::write_end_events(PipeState { kPipeCapacity - kAtomicWrite + 1, 1, 1 }), 0);
    EXPECT_EQ(ipc::write_end_events(PipeState { kPipeCapacity, 1, 1 }), 0);
}

TEST(PipeEvents, WriteEndErrsWithoutReaders)
{
    EXPECT_EQ(ipc::write_end_events(PipeState { 0, 0, 1 }), vfs::kPollOut | vfs::kPollError);
    EXPECT_EQ(ipc::write_end_events(PipeState { kPipeCapacity, 0, 1 }), vfs::kPollError);
}

TEST(PipeEvents, TheNumbersAreProgramAbi3s)
{
    EXPECT_EQ(vfs::kPollIn, 0x001);
    EXPECT_EQ(vfs::kPollOut, 0x004);
    EXPECT_EQ(vfs::kPollError, 0x008);
    EXPECT_EQ(vfs::kPollHangUp, 0x010);
    EXPECT_EQ(vfs::kPollInvalid, 0x020);
}

} // namespace
