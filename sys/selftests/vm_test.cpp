// Paging: mappings appear and disappear, and NX and write protection are
// really enforced by the MMU.
#include "arch/x86_64/cpu/fault_catch.h"
#include "arch/x86_64/interrupts/idt.h"
#include "arch/x86_64/mm/layout.h"
#include "arch/x86_64/mm/page_table.h"
#include "kernel/ktest.h"
#include "mm/kernel_memory.h"
#include "mm/kernel_stack.h"
#include "mm/physical_memory.h"

extern "C" char __text_end[], __rodata_end[];

namespace {
constexpr uint64_t kTestPage = arch::layout::kSelfTestBase;
constexpr uint64_t kPageFaultPresent = 1 << 0, kPageFaultWrite = 1 << 1, kPageFaultFetch = 1 << 4;
const uint64_t g_read_only_word = 0x1234;
uint64_t g_writable_word = 0;

// Maps a fresh frame at kTestPage; unmaps and frees it when done.
class ScratchPage {
public:
    explicit ScratchPage(uint32_t flags)
    {
        auto frame = mm::allocate_frame(mm::FrameUse::Test);
        if (frame.is_error())
            return;
        frame_ = frame.value();
        ok_ = !mm::kernel_page_table().map(kTestPage, frame_, flags).is_error();
    }
    ~ScratchPage()
    {
        if (ok_)
            (void)mm::kernel_page_table().unmap(kTestPage);
        if (frame_)
            mm::free_frame(frame_);
    }
    bool ok() const { return ok_; }
    mm::PhysAddr frame() const { return frame_; }

private:
    mm::PhysAddr frame_ { 0 };
    bool ok_ { false };
};

bool is_write_protection_fault(const klib::Optional<arch::FaultInfo>& fault, uint64_t address)
{
    return fault && fault->vector == arch::vector::kPageFault && fault->address == address
        && (fault->error_code & (kPageFaultPresent | kPageFaultWrite)) == (kPageFaultPresent | kPageFaultWrite);
}
} // namespace

KTEST(vm_map_translate_unmap)
{
    auto before = mm::physical_memory_stats().free_frames;
    {
        ScratchPage page(arch::kMapWrite);
        KEXPECT(page.ok(), "could not map the scratch page");
        *reinterpret_cast<volatile uint64_t*>(kTestPage + 8) = 0xfeedface;
        KEXPECT(*arch::phys_to_virt<uint64_t>(page.frame() + 8) == 0xfeedface, "write not visible in the direct map");
        auto translation = mm::kernel_page_table().translate(kTestPage + 8);
        KEXPECT(translation && translation->phys == page.frame() + 8, "translation wrong");
        KEXPECT(translation->flags & arch::kMapWrite, "writable flag lost");
        KEXPECT(!(translation->flags & arch::kMapExecute), "data page is executable");
        auto again = mm::kernel_page_table().map(kTestPage, page.frame(), arch::kMapWrite);
        KEXPECT(again.is_error() && again.error().code() == klib::ErrorCode::Exists, "double map accepted");
    }
    KEXPECT(!mm::kernel_page_table().translate(kTestPage), "page still mapped after unmap");
    auto fault = arch::catch_fault([] { (void)*reinterpret_cast<volatile uint64_t*>(kTestPage); });
    KEXPECT(fault && fault->vector == arch::vector::kPageFault && !(fault->error_code & kPageFaultPresent),
            "reading an unmapped page did not fault as not-present");
    // Page tables created on the way may stay; only the page itself counts.
    KEXPECT(mm::physical_memory_stats().free_frames + 3 >= before, "frames lost");
}

KTEST(vm_no_execute_is_enforced)
{
    ScratchPage page(arch::kMapWrite);
    KEXPECT(page.ok(), "could not map the scratch page");
    *reinterpret_cast<volatile uint8_t*>(kTestPage) = 0xc3; // ret
    auto function = reinterpret_cast<void (*)()>(kTestPage);
    auto fault = arch::catch_fault([&] { function(); });
    KEXPECT(fault, "executing a no-execute page did not fault");
    KEXPECT(fault->vector == arch::vector::kPageFault && (fault->error_code & kPageFaultFetch)
                && fault->address == kTestPage,
            "wrong fault: vector {} error {:#x} address {:#x}", fault->vector, fault->error_code, fault->address);
    KEXPECT(!mm::kernel_page_table().protect(kTestPage, arch::kMapExecute).is_error(), "protect failed");
    fault = arch::catch_fault([&] { function(); });
    KEXPECT(!fault, "executable page faulted: error {:#x}", fault ? fault->error_code : 0);
}

KTEST(vm_write_protection_is_enforced)
{
    ScratchPage page(0);
    KEXPECT(page.ok(), "could not map the scratch page");
    auto fault = arch::catch_fault([] { *reinterpret_cast<volatile uint64_t*>(kTestPage) = 1; });
    KEXPECT(is_write_protection_fault(fault, kTestPage), "write to a read-only page did not fault");
    fault = arch::catch_fault([] { (void)*reinterpret_cast<volatile uint64_t*>(kTestPage); });
    KEXPECT(!fault, "reading a read-only page faulted");
}

KTEST(vm_kernel_image_is_write_xor_execute)
{
    auto text = reinterpret_cast<uint64_t>(&ktest::run_all);
    auto rodata = reinterpret_cast<uint64_t>(&g_read_only_word);
    auto data = reinterpret_cast<uint64_t>(&g_writable_word);
    auto& table = mm::kernel_page_table();
    auto t = table.translate(text), r = table.translate(rodata), d = table.translate(data);
    KEXPECT(t && r && d, "kernel image not mapped");
    KEXPECT((t->flags & arch::kMapExecute) && !(t->flags & arch::kMapWrite), "text is not read-only executable");
    KEXPECT(!(r->flags & (arch::kMapExecute | arch::kMapWrite)), "rodata is writable or executable");
    KEXPECT((d->flags & arch::kMapWrite) && !(d->flags & arch::kMapExecute), "data is not writable no-execute");
    auto fault = arch::catch_fault([&] { *reinterpret_cast<volatile uint8_t*>(text) = 0xcc; });
    KEXPECT(is_write_protection_fault(fault, text), "writing kernel text did not fault");
    fault = arch::catch_fault([&] { *reinterpret_cast<volatile uint64_t*>(rodata) = 0; });
    KEXPECT(is_write_protection_fault(fault, rodata), "writing kernel rodata did not fault");
    KEXPECT(g_read_only_word == 0x1234, "rodata changed");
}

KTEST(vm_kernel_stacks_have_guard_pages)
{
    auto before = mm::physical_memory_stats().free_frames;
    {
        auto stack = mm::KernelStack::create();
        KEXPECT(!stack.is_error(), "no kernel stack");
        uint64_t top = stack.value().top(), bottom = stack.value().bottom();
        auto fault = arch::catch_fault([&] {
            *reinterpret_cast<volatile uint64_t*>(top - 8) = 1;
            *reinterpret_cast<volatile uint64_t*>(bottom) = 1;
        });
        KEXPECT(!fault, "the stack itself is not writable");
        fault = arch::catch_fault([&] { *reinterpret_cast<volatile uint64_t*>(bottom - 8) = 1; });
        KEXPECT(fault && fault->vector == arch::vector::kPageFault && fault->address == bottom - 8,
                "writing below the stack did not fault");
        KEXPECT(mm::is_kernel_stack_guard(bottom - 8), "guard page not recognised");
        KEXPECT(!mm::is_kernel_stack_guard(bottom), "stack page taken for a guard");
    }
    KEXPECT(mm::physical_memory_stats().free_frames == before, "stack frames not returned");
}
