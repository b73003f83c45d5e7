// Program ABI 2: the *at calls, 64-bit stat, pipe2, dup3 and mount.
#include "backend.h"
#include "front/v2/stat_fields.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

using layer::finish;
namespace backend = layer::backend;

namespace {
int32_t finish32(layer::Status status) { return static_cast<int32_t>(finish(status)); }

int32_t stat_v2(layer::Status status, const layer::FileStatus& in, banos_v2_stat* out)
{
    if (!status.failed())
        layer::copy_stat_fields(in, out);
    return finish32(status);
}
} // namespace

extern "C" int32_t layer_stat64(const char* path, banos_v2_stat* out)
{
    layer::FileStatus neutral;
    return stat_v2(backend::fstatat(layer::kAtFdcwd, path, &neutral, 0), neutral, out);
}
extern "C" int32_t layer_lstat64(const char* path, banos_v2_stat* out)
{
    layer::FileStatus neutral;
    return stat_v2(backend::fstatat(layer::kAtFdcwd, path, &neutral, BANOS_AT_SYMLINK_NOFOLLOW), neutral, out);
}
extern "C" int32_t layer_fstat64(int32_t fd, banos_v2_stat* out)
{
    layer::FileStatus neutral;
    return stat_v2(backend::fstat(fd, &neutral), neutral, out);
}
extern "C" int32_t layer_fstatat64(int32_t dirfd, const char* path, banos_v2_stat* out, int32_t flags)
{
    layer::FileStatus neutral;
    return stat_v2(backend::fstatat(dirfd, path, &neutral, flags), neutral, out);
}

extern "C" int32_t layer_openat(int32_t dirfd, const char* path, int32_t flags, uint32_t mode)
{
    return finish32(backend::openat(dirfd, path, flags, mode));
}
extern "C" int32_t layer_mkdirat(int32_t dirfd, const char* path, uint32_t mode)
{
    return finish32(backend::mkdirat(dirfd, path, mode));
}
extern "C" int32_t layer_unlinkat(int32_t dirfd, const char* path, int32_t flags)
{
    return finish32(backend::unlinkat(dirfd, path, flags));
}
extern "C" int32_t layer_renameat(int32_t from_dirfd, const char* from, int32_t to_dirfd, const char* to)
{
    return finish32(backend::renameat(from_dirfd, from, to_dirfd, to));
}
extern "C" int32_t layer_faccessat(int32_t dirfd, const char* path, int32_t mode, int32_t flags)
{
    // No effective-id variant yet: flags other than 0 are refused.
    if (flags)
        return finish32(layer::Status::fail(layer::Error::Invalid));
    return finish32(backend::faccessat(dirfd, path, mode));
}
extern "C" int32_t layer_pipe2(int32_t* fds, int32_t flags) { return finish32(backend::pipe2(fds, flags)); }
extern "C" int32_t layer_dup3(int32_t fd, int32_t target, int32_t flags) { return finish32(backend::dup3(fd, target, flags)); }

extern "C" int64_t layer_pread64(int32_t fd, void* buffer, uint64_t count, int64_t offset)
{
    return finish(backend::pread(fd, buffer, count, offset));
}
extern "C" int64_t layer_pwrite64(int32_t fd, const void* buffer, uint64_t count, int64_t offset)
{
    return finish(backend::pwrite(fd, buffer, count, offset));
}

extern "C" int32_t layer_mount(const char* source, const char* target, const char* type, uint64_t flags)
{
    return finish32(backend::mount(source, target, type, flags));
}
