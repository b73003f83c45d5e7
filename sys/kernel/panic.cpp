#include "kernel/panic.h"

#include "arch/x86_64/cpu/backtrace.h"
#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/interrupts/frame.h"
#include "kernel/log.h"
#include "kernel/options.h"
#include "kernel/shutdown.h"
#include "kernel/symbols.h"

namespace kernel {

namespace {
bool g_panicking = false;
}

void print_code_address(unsigned index, uint64_t address, bool is_return_address)
{
    const ksyms::SymbolTable* table = ksyms::kernel_table();
    klib::Optional<ksyms::Symbol> symbol;
    uint64_t lookup_address = is_return_address ? address - 1 : address;
    if (table)
        symbol = table->lookup(lookup_address);
    if (symbol)
        klog::print("  #{:<2} {:#018x} {}+{:#x}\n", index, address, symbol->name, address - symbol->address);
    else
        klog::print("  #{:<2} {:#018x} ?\n", index, address);
}

void vpanic(const arch::InterruptFrame* frame, klib::StringView format, klib::Span<const klib::FormatArg> args)
{
    arch::disable_interrupts();
    if (g_panicking) {
        klog::write_raw("\nPANIC while panicking; halting\n");
        shutdown(ExitStatus::Failure);
    }
    g_panicking = true;

    klog::RawSink sink;
    sink.write("\n======== PANIC ========\n");
    klib::vformat(sink, format, args);
    sink.write("\n");
    if (frame)
        arch::print_registers(*frame);
    klog::print("backtrace:\n");
    if (frame)
        arch::print_backtrace(frame->rip, frame->rbp);
    else
        arch::print_backtrace_from(arch::read_rbp());
    klog::print("======== end of panic report ========\n");
    shutdown(ExitStatus::Failure);
}

} // namespace kernel

namespace klib {
void assertion_failed(const char* expression, const char* file, int line)
{
    kernel::panic("assertion failed: {} at {}:{}", expression, file, line);
}
} // namespace klib
