#include "kernel/shutdown.h"

#include "arch/x86_64/cpu/cpu.h"
#include "arch/x86_64/drivers/debug_exit.h"
#include "kernel/log.h"
#include "kernel/options.h"

namespace kernel {

void shutdown(ExitStatus status)
{
    arch::disable_interrupts();
    bool success = status == ExitStatus::Success;
    if (options().test_mode) {
        klog::write_raw(success ? "banos: exiting with success\n" : "banos: exiting with failure\n");
        arch::debug_exit(success ? arch::kDebugExitSuccess : arch::kDebugExitFailure);
    }
    klog::write_raw("banos: system halted\n");
    arch::halt_forever();
}

} // namespace kernel
