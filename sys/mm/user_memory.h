#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/string_view.h"

// Copies between the kernel and the current process's memory. A bad
// pointer - outside user space, unmapped, or not writable - is a Fault
// error, never a kernel fault.
namespace mm {

klib::ErrorOr<void> copy_from_user(void* destination, uint64_t user_source, size_t size);
klib::ErrorOr<void> copy_to_user(uint64_t user_destination, const void* source, size_t size);
// Copies a NUL-terminated string into `buffer` (NameTooLong if it does not
// fit, terminator included).
klib::ErrorOr<klib::StringView> copy_string_from_user(char* buffer, size_t capacity, uint64_t user_source);

bool is_user_range(uint64_t start, size_t size);

} // namespace mm
