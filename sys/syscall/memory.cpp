// mmap, munmap, mprotect, getrandom.
#include "arch/x86_64/cpu/random.h"
#include "arch/x86_64/mm/layout.h"
#include "exec/user_layout.h"
#include "kernel/log.h"
#include "lib/math.h"
#include "mm/physical_memory.h"
#include "mm/user_memory.h"
#include "proc/process.h"
#include "syscall/syscalls.h"
#include "vfs/mapped_inode.h"

#include <new>
#include <string.h>

namespace sys {

namespace {
constexpr int kProtRead = 1, kProtWrite = 2, kProtExec = 4;
constexpr int kMapShared = 0x01, kMapPrivate = 0x02, kMapFixed = 0x10, kMapAnonymous = 0x20, kMapPopulate = 0x8000;
uint8_t protection_of(int protection)
{
    uint8_t result = 0;
    if (protection & kProtRead)
        result |= mm::kProtRead;
    if (protection & kProtWrite)
        result |= mm::kProtWrite | mm::kProtRead; // x86 cannot write without reading
    if (protection & kProtExec)
        result |= mm::kProtExecute | mm::kProtRead;
    return result;
}

void log_refusal(const char* call, uint64_t address, uint64_t length, klib::Error error)
{
    auto* process = proc::current_process();
    klog::debug("{}: pid {} ({}): [{:#x}, +{:#x}): {}", call, process->pid(), process->path(), address, length, error);
}
} // namespace

klib::ErrorOr<uint64_t> mmap(uint64_t address, uint64_t length, int protection, int flags, int fd, int64_t offset)
{
    mm::AddressSpace& space = proc::current_process()->address_space();
    bool shared = flags & kMapShared;
    if (length == 0 || (protection & ~(kProtRead | kProtWrite | kProtExec)) || shared == bool(flags & kMapPrivate)
        || (flags & ~(kMapShared | kMapPrivate | kMapFixed | kMapAnonymous | kMapPopulate)) || offset < 0
        || !klib::is_aligned(static_cast<uint64_t>(offset), mm::kPageSize))
        return klib::ErrorCode::Invalid;
    klib::RefPtr<mm::MappedFile> file;
    if (!(flags & kMapAnonymous)) {
        auto description = TRY(proc::current_process()->files().descriptors->get(fd));
        vfs::Inode* inode = description->inode();
        if (!inode || !inode->is_regular()) {
            log_refusal("mmap", address, length, klib::ErrorCode::NotDevice);
            return klib::ErrorCode::NotDevice;
        }
        if (!description->is_readable() || ((protection & kProtWrite) && shared && !description->is_writable()))
            return klib::ErrorCode::AccessDenied;
        if (shared) {
            // Private mappings borrow the file's pages read-only and copy
            // them on the first write; a shared one would need writable
            // file pages, holes filled on a fault and dirty tracking: not
            // offered.
            log_refusal("mmap", address, length, klib::ErrorCode::NotSupported);
            return klib::ErrorCode::NotSupported;
        }
        file = TRY(vfs::map_inode(description->inode_ref()));
    }
    uint64_t size = klib::align_up(length, mm::kPageSize);
    if (size < length)
        return klib::ErrorCode::NoMemory;
    if (flags & kMapFixed) {
        if (!klib::is_aligned(address, mm::kPageSize))
            return klib::ErrorCode::Invalid;
    } else {
        address = TRY(space.find_free(size, exec::layout::kMmapCeiling));
    }
    mm::Region region = mm::Region::make(address, address + size, protection_of(protection),
                                         file ? mm::RegionKind::File : mm::RegionKind::Anonymous, file ? "file" : "mmap");
    region.shared = shared;
    region.file = file;
    region.file_offset = static_cast<uint64_t>(offset);
    if (flags & kMapFixed) {
        // MAP_FIXED replaces what was there, except the window.
        auto replaced = space.replace(region);
        if (replaced.is_error()) {
            log_refusal("mmap", address, size, replaced.error());
            return replaced.release_error();
        }
    } else {
        TRY(space.map(region));
    }
    // A hint: what cannot be had now (memory) is faulted in later.
    if (flags & kMapPopulate)
        (void)space.populate(address, address + size, false);
    return address;
}

klib::ErrorOr<void> munmap(uint64_t address, uint64_t length)
{
    if (!klib::is_aligned(address, mm::kPageSize) || length == 0)
        return klib::ErrorCode::Invalid;
    auto result = proc::current_process()->address_space().unmap(address, klib::align_up(length, mm::kPageSize));
    if (result.is_error())
        log_refusal("munmap", address, length, result.error());
    return result;
}

klib::ErrorOr<void> mprotect(uint64_t address, uint64_t length, int protection)
{
    if (!klib::is_aligned(address, mm::kPageSize) || (protection & ~(kProtRead | kProtWrite | kProtExec)))
        return klib::ErrorCode::Invalid;
    if (length == 0)
        return {};
    auto result = proc::current_process()->address_space().protect(address, klib::align_up(length, mm::kPageSize),
                                                                    protection_of(protection));
    if (result.is_error())
        log_refusal("mprotect", address, length, result.error());
    return result;
}

klib::ErrorOr<uint64_t> getrandom(uint64_t user_buffer, uint64_t size, unsigned flags)
{
    if (flags & ~3u)
        return klib::ErrorCode::Invalid;
    size = klib::min<uint64_t>(size, 1 << 20);
    uint64_t done = 0;
    while (done < size) {
        uint64_t value = arch::random_u64();
        size_t chunk = klib::min<uint64_t>(size - done, sizeof(value));
        TRY(mm::copy_to_user(user_buffer + done, &value, chunk));
        done += chunk;
    }
    return done;
}

} // namespace sys
