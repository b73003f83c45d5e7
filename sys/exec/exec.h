#pragma once
#include "arch/x86_64/interrupts/frame.h"
#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "lib/ref_ptr.h"
#include "lib/span.h"
#include "lib/string_view.h"
#include "lib/vector.h"
#include "exec/elf_image.h"
#include "mm/address_space.h"
#include "vfs/inode.h"

namespace proc {
class Process;
}


// Loading a program: its segments, its syscall layer in its window, the
// initial stack, TLS and TCB, all in a fresh address space that replaces
// the process's only when everything has worked.
namespace exec {

struct LoadRequest {
    klib::StringView path;
    klib::Span<const klib::StringView> arguments;   // argv, including argv[0]
    klib::Span<const klib::StringView> environment; // "NAME=value" strings
};

// A program file: its first bytes, read into memory to be checked (as many
// as ElfImage::bytes_to_parse asks for), and the file itself, from which
// its segments are mapped and any other bytes read.
class ProgramFile {
public:
    ProgramFile(klib::Vector<unsigned char>&& head, uint64_t size, klib::RefPtr<vfs::Inode> inode,
                klib::RefPtr<mm::MappedFile> pages)
        : head_(static_cast<klib::Vector<unsigned char>&&>(head)), size_(size),
          inode_(static_cast<klib::RefPtr<vfs::Inode>&&>(inode)), pages_(static_cast<klib::RefPtr<mm::MappedFile>&&>(pages))
    {
    }
    klib::ReadonlyBytes head() const { return klib::ReadonlyBytes(head_.data(), head_.size()); }
    uint64_t size() const { return size_; }
    const klib::RefPtr<mm::MappedFile>& pages() const { return pages_; }
    // `count` bytes from `offset`, which ElfImage has checked are in the file.
    klib::ErrorOr<klib::Vector<unsigned char>> read(uint64_t offset, uint64_t count) const;

private:
    klib::Vector<unsigned char> head_;
    uint64_t size_;
    klib::RefPtr<vfs::Inode> inode_;
    klib::RefPtr<mm::MappedFile> pages_;
};

struct LoadedImage {
    klib::OwnPtr<mm::AddressSpace> space;
    arch::InterruptFrame entry;  // how the first thread enters user mode
    uint64_t thread_pointer;     // its TCB (the fs base)
    klib::Vector<AddressRange> layer_texts; // the program's layer, and its interpreter's
    bool always_trap { false };
};

// Every refusal is logged once with the reason: NoEntry (no such file),
// ExecFormat (not a banos program, or no layer for its ABI on this kernel),
// NoMemory, ArgumentListTooLong. The process is not changed.
klib::ErrorOr<LoadedImage> load(proc::Process&, const LoadRequest&);
// Installs a loaded image into the process (execve's point of no return).
void commit(proc::Process&, LoadedImage&, klib::StringView path);

// The kernel starting a program itself: a new process whose parent is the
// kernel, ready to run (its main thread not yet runnable).
klib::ErrorOr<klib::RefPtr<proc::Process>> spawn(const LoadRequest&);

} // namespace exec
