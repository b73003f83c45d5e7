#pragma once
// devfs: one directory of character devices, registered by name. Opening a
// device node asks its driver for a File (vfs/file.h), which then serves
// that open file description.
//
// There is one devfs per system: root() returns its directory (to mount at
// /dev); devices may be registered before or after it is mounted.
#include <stdint.h>

#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/string_view.h"
#include "vfs/file.h"
#include "vfs/inode.h"

namespace vfs::devfs {

// Makes the File for one open of a device. `context` is what was given at
// registration; `flags` are the open() flags.
using OpenFunction = klib::ErrorOr<klib::OwnPtr<File>> (*)(void* context, uint32_t flags);

// Adds /dev/<name>: a character device with the given permission bits,
// owned by root, its rdev numbered (1, n) in registration order. Invalid
// for a bad name (empty, "/", "." or ".."), Exists if taken.
klib::ErrorOr<void> register_device(klib::StringView name, uint32_t permissions, OpenFunction,
                                    void* context = nullptr);
// Removes the name; files already open stay usable. NoEntry if unknown.
klib::ErrorOr<void> unregister_device(klib::StringView name);

klib::ErrorOr<klib::RefPtr<Inode>> root();

// null (reads end of file, writes vanish), zero (reads zeros) and random
// and urandom (reads from the random source), all 0666.
klib::ErrorOr<void> register_standard_devices();
// Where /dev/random's bytes come from (the kernel passes arch::random_u64).
// Without one, reading it fails with NoDevice.
void set_random_source(uint64_t (*)());

// Drops every device and the directory (host tests).
void reset();

} // namespace vfs::devfs
