#include "kernel/main.h"

#include "fs/initrd.h"
#include "kabi/kabi.h"
#include "kernel/crash_test.h"
#include "kernel/file_tree.h"
#include "kernel/init_sequence.h"
#include "kernel/ktest.h"
#include "kernel/log.h"
#include "kernel/options.h"
#include "kernel/shutdown.h"
#include "mm/kernel_heap.h"
#include "mm/physical_memory.h"
#include "module/loader.h"
#include "kernel/panic.h"
#include "proc/reaper.h"
#include "proc/scheduler.h"

namespace kernel {

namespace {
void print_memory_summary(const boot::BootInfo& info)
{
    auto pmm = mm::physical_memory_stats();
    auto heap = mm::kernel_heap().stats();
    klog::info("memory: {} MiB usable, {} MiB free ({} free pages), {} modules",
               pmm.total_frames * mm::kPageSize >> 20, pmm.free_frames * mm::kPageSize >> 20, pmm.free_frames,
               info.module_count);
    klog::info("heap: {} allocations in use, {} bytes, {} slab pages, {} large pages", heap.allocations_in_use,
               heap.bytes_in_use, heap.slab_pages, heap.large_pages);
}

// The boot loader's modules install on a thread of their own, so their
// inits may sleep and wait as in any other install (the boot thread is
// the idle thread and never blocks); the programs start once they are in.
void install_modules_then_start_programs(void* info)
{
    module::install_boot_modules(*static_cast<const boot::BootInfo*>(info));
    if (fs::initrd::present())
        start_init_sequence();
    else
        klog::info("banos: no boot archive, so no programs to run; idling");
}
} // namespace

void main(const boot::BootInfo& info)
{
    print_memory_summary(info);
    if (options().crash_test != CrashTest::None)
        run_crash_test(options().crash_test);

    sched::init();
    proc::reaper::start();
    kabi::init();
    fs::initrd::init(info);
    if (auto ready = module::init_modules(); ready.is_error())
        panic("boot: cannot set up banos modules: {}", ready.error());
    build_file_tree();

    if (options().test_mode && !options().skip_selftests) {
        auto before = mm::physical_memory_stats();
        klog::info("selftest: free pages before: {}", before.free_frames);
        bool passed = ktest::run_all();
        mm::kernel_heap().trim();
        auto after = mm::physical_memory_stats();
        klog::info("selftest: free pages after: {}", after.free_frames);
        set_selftests_passed(passed);
    }
    if (options().test_mode && !fs::initrd::present())
        shutdown(selftests_passed() ? ExitStatus::Success : ExitStatus::Failure);
    auto starter = proc::Thread::create_kernel("boot-modules", install_modules_then_start_programs,
                                               const_cast<boot::BootInfo*>(&info));
    if (starter.is_error())
        panic("boot: cannot create the boot modules' thread: {}", starter.error());
    sched::make_runnable(*starter.release_value().leak());
    sched::run_idle();
}

namespace {
bool g_selftests_passed = true;
}

void set_selftests_passed(bool passed) { g_selftests_passed = passed; }
bool selftests_passed() { return g_selftests_passed; }

} // namespace kernel
