#include "kernel/file_tree.h"

#include "arch/x86_64/cpu/random.h"
#include "fs/initrd.h"
#include "kernel/log.h"
#include "kernel/panic.h"
#include "proc/process_files.h"
#include "proc/procfs_provider.h"
#include "syscall/syscalls.h"
#include "tty/tty_file.h"
#include "vfs/clock.h"
#include "vfs/devfs/devfs.h"
#include "vfs/root_file_system.h"

namespace kernel {

namespace {
vfs::Timestamp realtime_now()
{
    uint64_t ns = sys::clock_ns(sys::Clock::Realtime);
    return { static_cast<int64_t>(ns / 1000000000), static_cast<int64_t>(ns % 1000000000) };
}
} // namespace

void build_file_tree()
{
    vfs::set_clock(realtime_now);
    vfs::devfs::set_random_source(arch::random_u64);
    proc::install_procfs_provider();
    auto root = vfs::build_root_file_system(fs::initrd::archive());
    if (root.is_error())
        panic("boot: cannot build the root file system: {}", root.error());
    proc::set_system_root(root.release_value());
    if (auto registered = tty::register_console_devices(); registered.is_error())
        panic("boot: cannot register the console device: {}", registered.error());
    klog::info("vfs: root file system ready{}", fs::initrd::present() ? "" : " (empty: no boot archive)");
}

} // namespace kernel
