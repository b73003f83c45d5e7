#include "proc/process_files.h"

#include <utility>

namespace proc {

namespace {
klib::RefPtr<vfs::Inode> g_root;
}

void set_system_root(klib::RefPtr<vfs::Inode> root) { g_root = static_cast<klib::RefPtr<vfs::Inode>&&>(root); }
klib::RefPtr<vfs::Inode> system_root() { return g_root; }

klib::ErrorOr<ProcessFiles> ProcessFiles::create(klib::RefPtr<vfs::Inode> root)
{
    ProcessFiles files;
    files.descriptors = TRY(klib::try_make<vfs::FileDescriptorTable>());
    files.cwd = root;
    files.root = static_cast<klib::RefPtr<vfs::Inode>&&>(root);
    return files;
}

klib::ErrorOr<ProcessFiles> ProcessFiles::clone() const
{
    ProcessFiles files;
    files.descriptors = TRY(descriptors->clone());
    files.root = root;
    files.cwd = cwd;
    files.umask = umask;
    return files;
}

} // namespace proc
