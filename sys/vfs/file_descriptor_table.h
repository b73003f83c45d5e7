#pragma once
// A process's file descriptors: small integers naming shared open file
// descriptions. Up to kMaxDescriptors, allocated lowest-free first, each
// with its close-on-exec bit (kept as a bitmap). Descriptions are released
// outside the table's lock, so a File's last-close work never runs under it.
//
// Errors: BadDescriptor for an fd that is not open (or out of range),
// TooManyOpenFiles (EMFILE) when no slot is free, Invalid for bad F_DUPFD
// minimums and dup3 misuse.
#include <stdint.h>

#include "lib/bitmap.h"
#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/spinlock.h"
#include "lib/vector.h"
#include "vfs/file_description.h"

namespace vfs {

class FileDescriptorTable {
public:
    static constexpr int kMaxDescriptors = 1024;

    FileDescriptorTable() = default; // empty; slots are allocated on demand
    ~FileDescriptorTable();
    FileDescriptorTable(const FileDescriptorTable&) = delete;
    FileDescriptorTable& operator=(const FileDescriptorTable&) = delete;

    // The lowest free fd >= minimum (open, pipe, socket-like creators).
    klib::ErrorOr<int> allocate(klib::RefPtr<FileDescription>, bool close_on_exec = false, int minimum = 0);
    klib::ErrorOr<klib::RefPtr<FileDescription>> get(int fd) const;
    klib::ErrorOr<void> close(int fd);

    // dup: lowest free fd, close-on-exec clear.
    klib::ErrorOr<int> dup(int fd);
    // F_DUPFD / F_DUPFD_CLOEXEC: lowest free fd >= minimum (Invalid outside
    // [0, kMaxDescriptors)).
    klib::ErrorOr<int> dup_minimum(int fd, int minimum, bool close_on_exec);
    // dup2: same fd is a no-op returning it (if open); otherwise replaces and
    // closes what new_fd held. BadDescriptor for new_fd out of range.
    klib::ErrorOr<int> dup2(int old_fd, int new_fd);
    // dup3: like dup2 but Invalid when equal; flags may be BANOS_O_CLOEXEC.
    klib::ErrorOr<int> dup3(int old_fd, int new_fd, uint32_t flags);

    // F_GETFD / F_SETFD.
    klib::ErrorOr<bool> close_on_exec(int fd) const;
    klib::ErrorOr<void> set_close_on_exec(int fd, bool);

    // fork: a new table sharing every description, close-on-exec bits kept.
    klib::ErrorOr<klib::OwnPtr<FileDescriptorTable>> clone() const;
    // execve: closes every descriptor marked close-on-exec.
    void close_marked_on_exec();
    // exit.
    void close_all();
    int open_count() const;

private:
    static constexpr size_t kWords = klib::Bitmap::words_for(kMaxDescriptors);

    klib::Bitmap used() const { return { const_cast<uint64_t*>(used_words_), kMaxDescriptors }; }
    klib::Bitmap cloexec() const { return { const_cast<uint64_t*>(cloexec_words_), kMaxDescriptors }; }
    bool is_open_locked(int fd) const;
    // Makes slots_ cover fd. Lock held.
    klib::ErrorOr<void> grow_locked(int fd);
    // Puts description at fd; returns what was there, for release after
    // the lock is dropped.
    klib::RefPtr<FileDescription> install_locked(int fd, klib::RefPtr<FileDescription>, bool close_on_exec);
    klib::ErrorOr<int> allocate_locked(klib::RefPtr<FileDescription>, bool close_on_exec, int minimum);

    mutable klib::Spinlock lock_;
    klib::Vector<klib::RefPtr<FileDescription>> slots_;
    uint64_t used_words_[kWords] {};
    uint64_t cloexec_words_[kWords] {};
};

} // namespace vfs
