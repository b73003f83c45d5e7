// Core kernel services: fault catching, symbols, the log.
#include "arch/x86_64/cpu/fault_catch.h"
#include "arch/x86_64/interrupts/idt.h"
#include "kernel/ktest.h"
#include "kernel/log.h"
#include "kernel/symbols.h"

extern "C" void crash_test_null_write();

KTEST(fault_catch_returns_the_fault)
{
    auto fault = arch::catch_fault([] { (void)*static_cast<volatile int*>(nullptr); });
    KEXPECT(fault, "null read did not fault");
    KEXPECT(fault->vector == arch::vector::kPageFault && fault->address == 0, "wrong fault: vector {} address {:#x}",
            fault->vector, fault->address);
    auto none = arch::catch_fault([] {});
    KEXPECT(!none, "an empty body reported a fault");
    // Nested catches unwind to the innermost one.
    bool inner_caught = false;
    auto outer = arch::catch_fault([&] {
        inner_caught = arch::catch_fault([] { (void)*static_cast<volatile int*>(nullptr); }).has_value();
    });
    KEXPECT(inner_caught && !outer, "nested catch misrouted");
}

KTEST(symbols_name_kernel_functions)
{
    const ksyms::SymbolTable* table = ksyms::kernel_table();
    KEXPECT(table && table->size() > 100, "no embedded symbol table");
    auto address = reinterpret_cast<uint64_t>(&crash_test_null_write);
    auto symbol = table->lookup(address + 3);
    KEXPECT(symbol && symbol->name == "crash_test_null_write" && symbol->offset == 3, "lookup gave the wrong name");
    auto found = table->address_of("crash_test_null_write");
    KEXPECT(found && *found == address, "address_of disagrees");
}

KTEST(log_counts_warnings)
{
    uint64_t before = klog::warning_count();
    klog::info("selftest: an informational line");
    klog::warn("selftest: an expected warning");
    KEXPECT(klog::warning_count() == before + 1, "warning count moved by {}", klog::warning_count() - before);
}
