#pragma once
// argv and envp: NULL-terminated arrays of user strings, copied into one
// kernel buffer (execve, spawn).
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/span.h"
#include "lib/string_view.h"
#include "lib/vector.h"

namespace sys {

struct StringList {
    klib::Vector<char> bytes;
    klib::Vector<klib::StringView> views;

    klib::Span<const klib::StringView> span() const { return { views.data(), views.size() }; }
};

// A null user_array is an empty list. ArgumentListTooLong past 4096
// strings or 128 KiB; Fault for a bad pointer.
klib::ErrorOr<void> copy_string_list(uint64_t user_array, StringList& out);

} // namespace sys
