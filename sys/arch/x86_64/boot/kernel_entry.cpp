// The machine-specific start: from the assembly entry to kernel::main on a
// guarded stack, bringing up each piece the next one needs.
#include <utility>

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/cpu/percpu.h"
#include "arch/x86_64/cpu/stack_switch.h"
#include "arch/x86_64/drivers/serial.h"
#include "arch/x86_64/interrupts/idt.h"
#include "arch/x86_64/interrupts/lapic.h"
#include "arch/x86_64/interrupts/pic.h"
#include "arch/x86_64/mm/phys.h"
#include "arch/x86_64/time/pit.h"
#include "arch/x86_64/time/rtc.h"
#include "arch/x86_64/cpu/thread_context.h"
#include "arch/x86_64/interrupts/exceptions.h"
#include "kabi/kabi.h"
#include "proc/alarm.h"
#include "proc/scheduler.h"
#include "proc/user_faults.h"
#include "boot/boot_info.h"
#include "kernel/log.h"
#include "kernel/main.h"
#include "kernel/options.h"
#include "kernel/panic.h"
#include "mm/kernel_memory.h"
#include "mm/boot_allocator.h"
#include "mm/kernel_heap.h"
#include "mm/kernel_stack.h"
#include "mm/physical_memory.h"
#include "time/clock.h"
#include "time/timers.h"
#include "tty/console.h"

extern "C" char __kernel_start[], __kernel_end[];

namespace {

constexpr uint64_t kIdentityMapLimit = 4ull << 30; // the boot page tables

// Reads loader data through the boot identity map. With `dumpbootinfo` it
// prints every range it reads, which is how the host-test fixtures in
// sys/tests/fixtures were recorded.
class BootMemoryReader final : public boot::PhysicalReader {
public:
    bool record { false };

    klib::Optional<klib::ReadonlyBytes> read(uint64_t address, uint64_t size) override
    {
        if (address >= kIdentityMapLimit || size > kIdentityMapLimit - address)
            return {};
        klib::ReadonlyBytes bytes(arch::phys_to_virt<const unsigned char>(address), size);
        if (record)
            dump(address, bytes);
        return bytes;
    }

    klib::Optional<klib::StringView> read_string(uint64_t address, size_t max_length) override
    {
        if (address >= kIdentityMapLimit)
            return {};
        auto* text = arch::phys_to_virt<const char>(address);
        size_t length = 0;
        while (length <= max_length && address + length < kIdentityMapLimit && text[length])
            ++length;
        if (length > max_length || address + length >= kIdentityMapLimit)
            return {};
        if (record)
            dump(address, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(text), length + 1));
        return klib::StringView(text, length);
    }

private:
    static void dump(uint64_t address, klib::ReadonlyBytes bytes)
    {
        for (size_t offset = 0; offset < bytes.size(); offset += 32) {
            klog::print("bootinfo {:#x}", address + offset);
            for (size_t i = offset; i < bytes.size() && i < offset + 32; ++i)
                klog::print(" {:02x}", bytes[i]);
            klog::print("\n");
        }
    }
};

boot::BootInfo g_boot_info;
mm::BootAllocator g_boot_allocator;
klib::Optional<mm::KernelStack> g_main_stack;

void complain_about_option(klib::StringView word, klib::StringView why)
{
    klog::warn("options: ignoring '{}': {}", word, why);
}

void enable_sse()
{
    // User programs use SSE; the kernel itself is built without it.
    uint64_t cr0 = arch::read_cr0();
    cr0 &= ~(1ull << 2); // EM: no x87 emulation
    cr0 |= 1ull << 1;    // MP
    arch::write_cr0(cr0);
    arch::write_cr4(arch::read_cr4() | (1ull << 9) | (1ull << 10)); // OSFXSR, OSXMMEXCPT
}

void log_memory_map(const boot::BootInfo& info)
{
    for (const auto& region : info.memory_map())
        klog::debug("  memory {:#014x}-{:#014x} {}", region.base, region.base + region.length,
                    boot::memory_type_name(region.type));
    for (const auto& module : info.module_list())
        klog::info("  module {:#x}-{:#x} '{}'", module.start, module.end, module.command_line);
}

size_t collect_reserved(const boot::BootInfo& info, mm::PhysRange* out, size_t capacity)
{
    size_t count = 0;
    out[count++] = { 0, 1 << 20 };
    out[count++] = { arch::virt_to_phys(__kernel_start), arch::virt_to_phys(__kernel_end) };
    for (const auto& module : info.module_list())
        if (count < capacity)
            out[count++] = { module.start, module.end };
    return count;
}

void init_time(uint64_t tsc_at_entry)
{
    arch::pic::disable();
    if (auto result = arch::lapic::init(); result.is_error())
        kernel::panic("boot: local APIC: {}", result.error());
    auto tsc_hz = arch::pit::measure_tsc_hz();
    if (!tsc_hz)
        kernel::panic("boot: the PIT did not count down; cannot calibrate the TSC");
    ktime::init_clock(*tsc_hz, tsc_at_entry);
    klog::info("time: TSC at {}.{:03} MHz", *tsc_hz / 1000000, (*tsc_hz / 1000) % 1000);
    if (auto seconds = arch::rtc::read_epoch_seconds())
        ktime::set_realtime(*seconds);
    else
        klog::warn("time: the real-time clock gave no consistent reading; the wall clock starts at 1970");
    arch::set_interrupt_handler(arch::vector::kLapicTimer, [](arch::InterruptFrame&) {
        ktime::timer_tick();
        kabi::timer_tick();
        // Before the scheduler's tick, which sees the threads they wake.
        ktime::run_due_timers();
        sched::timer_tick();
        proc::deliver_due_alarms();
    });
    if (auto result = arch::lapic::start_timer(ktime::kTimerHz, arch::vector::kLapicTimer, *tsc_hz);
        result.is_error())
        kernel::panic("boot: local APIC timer: {}", result.error());
    arch::enable_interrupts();
}

[[noreturn]] void continue_on_main_stack(void*) { kernel::main(g_boot_info); }

} // namespace

extern "C" [[noreturn]] void kernel_entry(uint32_t loader_magic, uint32_t info_address)
{
    // Time zero of the monotonic clock: boot time is measured from here.
    uint64_t tsc_at_entry = arch::rdtsc();
    arch::serial::init();
    kernel::run_global_constructors();
    arch::init_boot_cpu();
    arch::init_idt();
    enable_sse();
    klog::print("\nbanos: booting (x86_64, kernel ABI {})\n", KERNEL_ABI);

    BootMemoryReader reader;
    if (auto parsed = boot::parse(loader_magic, reader, info_address, g_boot_info); parsed.is_error())
        kernel::panic("boot: cannot read the boot loader's information (magic {:#x}): {}", loader_magic,
                      parsed.error());
    kernel::parse_options(g_boot_info.command_line, kernel::mutable_options(), complain_about_option);
    klog::set_level(kernel::options().log_level);
    if (kernel::options().dump_boot_info) {
        // The options live inside what is parsed, so parse once more to record.
        reader.record = true;
        boot::BootInfo again;
        (void)boot::parse(loader_magic, reader, info_address, again);
        reader.record = false;
    }
    klog::info("boot: {} via {}, command line '{}'",
               g_boot_info.protocol == boot::Protocol::Multiboot2 ? "multiboot2" : "multiboot1",
               g_boot_info.loader_name, g_boot_info.command_line);
    log_memory_map(g_boot_info);
    if (g_boot_info.framebuffer)
        klog::info("boot: framebuffer {}x{}x{} at {:#x}", g_boot_info.framebuffer->width,
                   g_boot_info.framebuffer->height, g_boot_info.framebuffer->bits_per_pixel,
                   g_boot_info.framebuffer->address);

    mm::PhysRange reserved[mm::BootAllocator::kMaxReserved];
    size_t reserved_count = collect_reserved(g_boot_info, reserved, mm::BootAllocator::kMaxReserved);
    klib::Span<const mm::PhysRange> reserved_ranges(reserved, reserved_count);
    g_boot_allocator.init(g_boot_info, reserved_ranges);
    if (auto result = mm::init_kernel_address_space(g_boot_info, g_boot_allocator); result.is_error())
        kernel::panic("boot: building the kernel page table: {}", result.error());
    if (auto result = mm::init_physical_memory(g_boot_info, reserved_ranges, g_boot_allocator); result.is_error())
        kernel::panic("boot: physical memory manager: {}", result.error());
    mm::use_physical_memory_for_page_tables();
    mm::init_kernel_heap();
    if (auto prepared = mm::prepare_kernel_stacks(); prepared.is_error())
        kernel::panic("boot: kernel stack page tables: {}", prepared.error());
    init_time(tsc_at_entry);
    tty::init(g_boot_info);
    arch::init_syscall_entry();
    arch::set_user_exception_handler(proc::handle_user_fault);
    arch::set_user_memory_fault_resolver(proc::resolve_user_memory_fault);

    auto stack = mm::KernelStack::create();
    if (stack.is_error())
        kernel::panic("boot: no kernel stack: {}", stack.error());
    g_main_stack = stack.release_value();
    arch::switch_stack_and_call(g_main_stack->top(), continue_on_main_stack, nullptr);
}
