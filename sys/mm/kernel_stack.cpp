#include "mm/kernel_stack.h"

#include "arch/x86_64/mm/layout.h"
#include "arch/x86_64/mm/page_table.h"
#include "lib/bitmap.h"
#include "lib/spinlock.h"
#include "mm/kernel_memory.h"
#include "mm/physical_memory.h"

namespace mm {

namespace {
constexpr uint64_t kSlotSize = 16 * kPageSize;
constexpr size_t kSlotCount = 2048;

klib::Spinlock g_lock;
uint64_t g_slot_words[klib::Bitmap::words_for(kSlotCount)];
klib::Bitmap g_slots(g_slot_words, kSlotCount);

uint64_t slot_base(size_t slot) { return arch::layout::kKernelStacksBase + slot * kSlotSize; }
} // namespace

klib::ErrorOr<KernelStack> KernelStack::create(size_t pages)
{
    if (pages == 0 || pages > kMaxPages)
        return klib::ErrorCode::Invalid;
    size_t slot;
    {
        klib::SpinlockGuard guard(g_lock);
        auto found = g_slots.find_first(false);
        if (!found)
            return klib::ErrorCode::NoMemory;
        slot = *found;
        g_slots.set(slot, true);
    }
    KernelStack stack(slot, 0);
    uint64_t top = slot_base(slot) + kSlotSize;
    for (size_t i = 1; i <= pages; ++i) {
        PhysAddr frame = TRY(allocate_frame(FrameUse::KernelStack));
        auto mapped = kernel_page_table().map(top - i * kPageSize, frame, arch::kMapWrite | arch::kMapGlobal);
        if (mapped.is_error()) {
            free_frame(frame);
            return mapped.release_error();
        }
        stack.pages_ = i; // so a later failure unwinds exactly what is mapped
    }
    return stack;
}

KernelStack& KernelStack::operator=(KernelStack&& other)
{
    if (this != &other) {
        destroy();
        slot_ = other.slot_;
        pages_ = other.pages_;
        other.slot_ = kNoSlot;
    }
    return *this;
}

KernelStack::~KernelStack() { destroy(); }

void KernelStack::destroy()
{
    if (slot_ == kNoSlot)
        return;
    for (size_t i = 1; i <= pages_; ++i) {
        if (auto frame = kernel_page_table().unmap(top() - i * kPageSize))
            free_frame(*frame);
    }
    klib::SpinlockGuard guard(g_lock);
    g_slots.set(slot_, false);
    slot_ = kNoSlot;
}

uint64_t KernelStack::top() const { return slot_base(slot_) + kSlotSize; }
uint64_t KernelStack::bottom() const { return top() - pages_ * kPageSize; }
uint64_t KernelStack::guard_bottom() const { return slot_base(slot_); }

klib::ErrorOr<void> prepare_kernel_stacks()
{
    uint64_t base = arch::layout::kKernelStacksBase;
    return kernel_page_table().prepare(base, base + kSlotCount * kSlotSize);
}

bool is_kernel_stack_guard(uint64_t address)
{
    uint64_t base = arch::layout::kKernelStacksBase;
    if (address < base || address >= base + kSlotCount * kSlotSize)
        return false;
    return !kernel_page_table().translate(address).has_value();
}

} // namespace mm
