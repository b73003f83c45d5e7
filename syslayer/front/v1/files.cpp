// Program ABI 1: files, with its 32-bit-seconds stat.
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

using layer::finish;
namespace backend = layer::backend;

namespace {
int32_t finish32(layer::Status status) { return static_cast<int32_t>(finish(status)); }

layer::Status to_v1(const layer::FileStatus& in, banos_v1_stat* out)
{
    if (in.access.seconds > INT32_MAX || in.modify.seconds > INT32_MAX || in.change.seconds > INT32_MAX)
        return layer::Status::fail(layer::Error::Overflow);
    *out = banos_v1_stat {};
    out->st_dev = in.device;
    out->st_ino = in.inode;
    out->st_mode = in.mode;
    out->st_nlink = in.links;
    out->st_uid = in.uid;
    out->st_gid = in.gid;
    out->st_rdev = in.rdev;
    out->st_size = in.size;
    out->st_blksize = static_cast<int32_t>(in.block_size);
    out->st_blocks = in.blocks;
    out->st_atime = static_cast<int32_t>(in.access.seconds);
    out->st_mtime = static_cast<int32_t>(in.modify.seconds);
    out->st_ctime = static_cast<int32_t>(in.change.seconds);
    return layer::Status::ok(0);
}

int32_t stat_v1(layer::Status status, const layer::FileStatus& neutral, banos_v1_stat* out)
{
    if (!status.failed())
        status = to_v1(neutral, out);
    return finish32(status);
}
} // namespace

// The kernel's directory records are program ABI 1's.
static_assert(sizeof(banos_v1_dirent) == sizeof(banos_k1_dirent));

extern "C" int32_t layer_open(const char* path, int32_t flags, uint32_t mode)
{
    return finish32(backend::openat(layer::kAtFdcwd, path, flags, mode));
}
extern "C" int32_t layer_close(int32_t fd) { return finish32(backend::close(fd)); }
extern "C" int64_t layer_lseek(int32_t fd, int64_t offset, int32_t whence) { return finish(backend::lseek(fd, offset, whence)); }

extern "C" int32_t layer_stat(const char* path, banos_v1_stat* out)
{
    layer::FileStatus neutral;
    return stat_v1(backend::fstatat(layer::kAtFdcwd, path, &neutral, 0), neutral, out);
}
extern "C" int32_t layer_lstat(const char* path, banos_v1_stat* out)
{
    layer::FileStatus neutral;
    return stat_v1(backend::fstatat(layer::kAtFdcwd, path, &neutral, BANOS_AT_SYMLINK_NOFOLLOW), neutral, out);
}
extern "C" int32_t layer_fstat(int32_t fd, banos_v1_stat* out)
{
    layer::FileStatus neutral;
    return stat_v1(backend::fstat(fd, &neutral), neutral, out);
}

extern "C" int64_t layer_getdents(int32_t fd, void* buffer, uint64_t size) { return finish(backend::getdents(fd, buffer, size)); }
extern "C" int32_t layer_mkdir(const char* path, uint32_t mode) { return finish32(backend::mkdirat(layer::kAtFdcwd, path, mode)); }
extern "C" int32_t layer_rmdir(const char* path) { return finish32(backend::unlinkat(layer::kAtFdcwd, path, layer::kAtRemoveDir)); }
extern "C" int32_t layer_unlink(const char* path) { return finish32(backend::unlinkat(layer::kAtFdcwd, path, 0)); }
extern "C" int32_t layer_rename(const char* from, const char* to)
{
    return finish32(backend::renameat(layer::kAtFdcwd, from, layer::kAtFdcwd, to));
}
extern "C" int32_t layer_link(const char* existing, const char* created)
{
    return finish32(backend::linkat(layer::kAtFdcwd, existing, layer::kAtFdcwd, created));
}
extern "C" int32_t layer_dup(int32_t fd) { return finish32(backend::dup(fd)); }

// dup2 onto itself just checks the descriptor (dup3 would refuse).
extern "C" int32_t layer_dup2(int32_t fd, int32_t target)
{
    if (fd == target) {
        layer::Status status = backend::fcntl(fd, BANOS_F_GETFD, 0);
        return status.failed() ? finish32(status) : fd;
    }
    return finish32(backend::dup3(fd, target, 0));
}

extern "C" int32_t layer_pipe(int32_t* fds) { return finish32(backend::pipe2(fds, 0)); }
extern "C" int32_t layer_fcntl(int32_t fd, int32_t command, uint64_t argument)
{
    return finish32(backend::fcntl(fd, command, argument));
}
extern "C" int32_t layer_chdir(const char* path) { return finish32(backend::chdir(path)); }
extern "C" int64_t layer_getcwd(char* buffer, uint64_t size) { return finish(backend::getcwd(buffer, size)); }
extern "C" int32_t layer_ioctl(int32_t fd, uint64_t request, uint64_t argument)
{
    return finish32(backend::ioctl(fd, request, argument));
}
extern "C" uint32_t layer_umask(uint32_t mask) { return static_cast<uint32_t>(backend::umask(mask).value); }
extern "C" int32_t layer_chmod(const char* path, uint32_t mode) { return finish32(backend::fchmodat(layer::kAtFdcwd, path, mode)); }
extern "C" int32_t layer_chown(const char* path, uint32_t uid, uint32_t gid)
{
    return finish32(backend::fchownat(layer::kAtFdcwd, path, uid, gid));
}
extern "C" int32_t layer_access(const char* path, int32_t mode) { return finish32(backend::faccessat(layer::kAtFdcwd, path, mode)); }
extern "C" int32_t layer_ftruncate(int32_t fd, int64_t length) { return finish32(backend::ftruncate(fd, length)); }
