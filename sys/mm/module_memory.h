#pragma once
// Memory for banos modules: page-granular blocks in the module area (next
// to the kernel image, within 2 GiB of its text), mapped writable while the
// loader fills them and then sealed per part.
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"

namespace mm {

class ModuleMemory {
public:
    // `bytes` (a multiple of the page size), mapped RW+NX, contents undefined.
    static klib::ErrorOr<ModuleMemory> create(size_t bytes);

    ModuleMemory(ModuleMemory&& other) : base_(other.base_), pages_(other.pages_), claimed_(other.claimed_)
    {
        other.pages_ = other.claimed_ = 0;
    }
    ModuleMemory& operator=(ModuleMemory&&) = delete;
    ModuleMemory(const ModuleMemory&) = delete;
    ModuleMemory& operator=(const ModuleMemory&) = delete;
    // Unmaps and frees every page.
    ~ModuleMemory();

    uint64_t base() const { return base_; }
    size_t size() const { return claimed_ * 4096; }
    unsigned char* data() const { return reinterpret_cast<unsigned char*>(base_); }

    // Final permissions for [offset, offset + bytes), page-aligned.
    enum class Seal { Execute, ReadOnly, ReadWrite };
    klib::ErrorOr<void> seal(uint64_t offset, uint64_t bytes, Seal);

private:
    ModuleMemory(uint64_t base, size_t claimed) : base_(base), pages_(0), claimed_(claimed) {}

    uint64_t base_;
    size_t pages_;   // mapped so far
    size_t claimed_; // of the module area
};

// Creates the page tables of the whole module area at boot, so placing and
// dropping modules later moves exactly their own pages.
klib::ErrorOr<void> prepare_module_area();

} // namespace mm
