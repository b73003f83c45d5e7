#pragma once
// File system types that can be mounted by name (the mount call): each
// registered type makes a fresh file system and returns its root. banos
// modules register theirs through the exported API.
#include "lib/error_or.h"
#include "lib/ref_ptr.h"
#include "lib/string_view.h"
#include "vfs/inode.h"

namespace vfs {

// Makes one file system of the type; `context` is what was registered.
using CreateFileSystem = klib::ErrorOr<klib::RefPtr<Inode>> (*)(void* context);

// Invalid for a bad name (empty, longer than kMaxNameLength, with '/'),
// Exists if the name is taken.
klib::ErrorOr<void> register_file_system_type(klib::StringView name, CreateFileSystem, void* context);
// NoEntry if unknown. File systems already made stay mounted.
klib::ErrorOr<void> unregister_file_system_type(klib::StringView name);
// A new file system's root; NotDevice (ENODEV) if no such type.
klib::ErrorOr<klib::RefPtr<Inode>> create_file_system(klib::StringView type);

} // namespace vfs
