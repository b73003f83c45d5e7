#include "kernel/symbols.h"

extern "C" const unsigned char __ksyms_start[];
extern "C" const unsigned char __ksyms_end[];

namespace ksyms {

const SymbolTable* kernel_table()
{
    static klib::Optional<SymbolTable> table;
    static bool parsed = false;
    if (!parsed) {
        parsed = true;
        table = SymbolTable::parse(klib::ReadonlyBytes(__ksyms_start, __ksyms_end - __ksyms_start));
    }
    return table ? &*table : nullptr;
}

} // namespace ksyms
