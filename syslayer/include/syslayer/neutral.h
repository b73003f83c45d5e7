#pragma once
// What front ends and back ends say to each other: ABI-neutral results,
// clocks, names and structures. A back end turns its kernel's answers into
// these; a front end turns these into its program ABI's types and errno.
#include <stdint.h>

namespace layer {

enum class Error : uint16_t {
    None,
#define X(name, description) name,
#include "abi-versions/common/error_codes.def"
#undef X
};

struct Status {
    int64_t value;
    Error error;
    bool failed() const { return error != Error::None; }
    static Status ok(int64_t value) { return { value, Error::None }; }
    static Status fail(Error error) { return { -1, error }; }
};

enum class Clock : uint8_t { Realtime, Monotonic, RealtimeCoarse, MonotonicCoarse };

struct Timespec {
    int64_t seconds;
    int64_t nanoseconds;
};

constexpr unsigned kNameLength = 65;
struct SystemName {
    char sysname[kNameLength];
    char nodename[kNameLength];
    char release[kNameLength];
    char version[kNameLength];
    char machine[kNameLength];
};

struct FileStatus {
    uint64_t device;
    uint64_t inode;
    uint32_t mode;
    uint32_t links;
    uint32_t uid;
    uint32_t gid;
    uint64_t rdev;
    int64_t size;
    int64_t block_size;
    int64_t blocks;
    Timespec access;
    Timespec modify;
    Timespec change;
    Timespec birth;  // zero unless has_birth
    bool has_birth;  // the kernel records birth times
};

// readv/writev buffers and poll entries: the layout of program ABI 3's and
// kernel ABI 2's, so fronts and back ends pass them through unconverted.
struct IoVector {
    uint64_t base;
    uint64_t length;
};

struct PollEntry {
    int32_t fd;
    int16_t events; // program ABI 3's BANOS_POLL* numbers
    int16_t revents;
};

// posix_spawn's file actions and attributes (program ABI 3's numbers:
// BANOS_SPAWN_ACTION_* kinds, BANOS_SPAWN_* flags).
struct SpawnAction {
    int32_t kind;
    int32_t fd;
    int32_t source_fd;
    int32_t flags;
    uint32_t mode;
    uint32_t reserved;
    uint64_t path;
};

struct SpawnAttributes {
    uint32_t flags;
    int32_t pgroup;
    uint64_t sigmask;
    uint64_t sigdefault;
};

// A signal disposition without the return path: each back end supplies
// its own restorer (the code that makes its kernel's sigreturn trap).
struct SignalAction {
    uint64_t handler;
    uint64_t flags;
    uint64_t mask;
};

constexpr int32_t kAtFdcwd = -100;
constexpr int32_t kAtRemoveDir = 0x200;

} // namespace layer
