// banos_install: the superuser hands the kernel a module file.
#include "kernel/log.h"
#include "lib/own_ptr.h"
#include "mm/kernel_heap.h"
#include "mm/user_memory.h"
#include "module/elf_module.h"
#include "module/loader.h"
#include "proc/process.h"
#include "syscall/syscalls.h"

namespace sys {

namespace {
// The file's bytes in kernel memory for as long as the install runs.
class KernelCopy {
public:
    explicit KernelCopy(size_t size) : data_(static_cast<unsigned char*>(mm::kernel_heap().allocate(size))) {}
    KernelCopy(const KernelCopy&) = delete;
    KernelCopy& operator=(const KernelCopy&) = delete;
    ~KernelCopy()
    {
        if (data_)
            mm::kernel_heap().free(data_);
    }
    unsigned char* data() const { return data_; }

private:
    unsigned char* data_;
};
} // namespace

klib::ErrorOr<void> banos_install(uint64_t user_image, uint64_t size)
{
    proc::Process& process = *proc::current_process();
    if (process.credentials().euid != 0) {
        klog::warn("module: pid {} ({}) is not the superuser and may not install modules", process.pid(),
                   process.path());
        return klib::ErrorCode::NotPermitted;
    }
    if (size == 0 || size > module::kMaxFileSize) {
        klog::warn("module: pid {}: a module file of {} bytes (1 to {} allowed)", process.pid(), size,
                   module::kMaxFileSize);
        return size == 0 ? klib::ErrorCode::ExecFormat : klib::ErrorCode::FileTooBig;
    }
    KernelCopy copy(size);
    if (!copy.data()) {
        klog::warn("module: pid {}: no memory for a module file of {} bytes", process.pid(), size);
        return klib::ErrorCode::NoMemory;
    }
    if (auto copied = mm::copy_from_user(copy.data(), user_image, size); copied.is_error()) {
        klog::warn("module: pid {}: the module file at {:#x} is not readable", process.pid(), user_image);
        return copied.release_error();
    }
    TRY(module::install(klib::ReadonlyBytes(copy.data(), size)));
    return {};
}

} // namespace sys
