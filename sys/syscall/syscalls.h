#pragma once
// The kernel's system calls, free of any ABI: each kernel ABI's trap table
// decodes its arguments, calls these, and encodes the result its own way.
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/string_view.h"

namespace sys {

[[noreturn]] void exit(int status);

klib::ErrorOr<uint64_t> read(int fd, uint64_t user_buffer, uint64_t count);
klib::ErrorOr<uint64_t> write(int fd, uint64_t user_buffer, uint64_t count);

int getpid();
int getppid();
uint32_t getuid();
uint32_t geteuid();
uint64_t syscall_count();

enum class Clock { Realtime, Monotonic };
uint64_t clock_ns(Clock);

struct SystemName {
    klib::StringView sysname, nodename, release, version, machine;
};
const SystemName& system_name();

} // namespace sys
