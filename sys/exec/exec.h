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

// A program's bytes: borrowed from the boot archive, or read into memory.
class ProgramFile {
public:
    explicit ProgramFile(klib::ReadonlyBytes borrowed) : bytes_(borrowed) {}
    explicit ProgramFile(klib::Vector<unsigned char>&& owned) : owned_(static_cast<klib::Vector<unsigned char>&&>(owned))
    {
        bytes_ = klib::ReadonlyBytes(owned_.data(), owned_.size());
    }
    ProgramFile(ProgramFile&& other) : bytes_(other.bytes_), owned_(static_cast<klib::Vector<unsigned char>&&>(other.owned_))
    {
        if (!owned_.is_empty())
            bytes_ = klib::ReadonlyBytes(owned_.data(), owned_.size());
    }
    klib::ReadonlyBytes bytes() const { return bytes_; }

private:
    klib::ReadonlyBytes bytes_;
    klib::Vector<unsigned char> owned_;
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
