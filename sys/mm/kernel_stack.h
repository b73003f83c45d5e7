#pragma once
#include <stddef.h>
#include <stdint.h>

#include "lib/error_or.h"

namespace mm {

// A kernel stack in its own slot of the kernel-stack region. The pages below
// the stack stay unmapped, so running off the end faults (and the double
// fault handler names the overflow) instead of corrupting a neighbour.
class KernelStack {
public:
    static constexpr size_t kDefaultPages = 4;
    static constexpr size_t kMaxPages = 15; // a slot is 16 pages; at least one stays a guard

    static klib::ErrorOr<KernelStack> create(size_t pages = kDefaultPages);

    KernelStack(KernelStack&& other) : slot_(other.slot_), pages_(other.pages_) { other.slot_ = kNoSlot; }
    KernelStack& operator=(KernelStack&&);
    KernelStack(const KernelStack&) = delete;
    KernelStack& operator=(const KernelStack&) = delete;
    ~KernelStack();

    uint64_t top() const;
    uint64_t bottom() const;
    uint64_t guard_bottom() const; // the slot's first address

private:
    static constexpr size_t kNoSlot = ~size_t(0);
    KernelStack(size_t slot, size_t pages) : slot_(slot), pages_(pages) {}
    void destroy();

    size_t slot_;
    size_t pages_;
};

bool is_kernel_stack_guard(uint64_t address);

// Creates the page tables of the whole kernel-stack region at boot, so
// making and dropping stacks later moves exactly their own pages.
klib::ErrorOr<void> prepare_kernel_stacks();

} // namespace mm
