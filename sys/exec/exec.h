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

// A program file: its bytes, read into memory to be checked, and the file
// itself, from which its segments are mapped.
class ProgramFile {
public:
    ProgramFile(klib::Vector<unsigned char>&& bytes, klib::RefPtr<mm::MappedFile> pages)
        : bytes_(static_cast<klib::Vector<unsigned char>&&>(bytes)), pages_(static_cast<klib::RefPtr<mm::MappedFile>&&>(pages))
    {
    }
    klib::ReadonlyBytes bytes() const { return klib::ReadonlyBytes(bytes_.data(), bytes_.size()); }
    const klib::RefPtr<mm::MappedFile>& pages() const { return pages_; }

private:
    klib::Vector<unsigned char> bytes_;
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
