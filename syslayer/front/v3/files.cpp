// Program ABI 3: stat with the birth time, fsync and fchdir.
#include "backend.h"
#include "front/v2/stat_fields.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

using layer::finish;
namespace backend = layer::backend;

namespace {
int32_t finish32(layer::Status status) { return static_cast<int32_t>(finish(status)); }

// st_birthtim and BANOS_V3_STAT_BIRTHTIME only when the kernel told the
// birth time; zero and the flag clear when it cannot know it.
int32_t stat_v3(layer::Status status, const layer::FileStatus& in, banos_v3_stat* out)
{
    if (!status.failed()) {
        layer::copy_stat_fields(in, out);
        out->st_flags = in.has_birth ? BANOS_V3_STAT_BIRTHTIME : 0;
        if (in.has_birth)
            out->st_birthtim = { in.birth.seconds, in.birth.nanoseconds };
    }
    return finish32(status);
}
} // namespace

extern "C" int32_t layer_fstatat_v3(int32_t dirfd, const char* path, banos_v3_stat* out, int32_t flags)
{
    layer::FileStatus neutral;
    return stat_v3(backend::fstatat(dirfd, path, &neutral, flags), neutral, out);
}

extern "C" int32_t layer_fstat_v3(int32_t fd, banos_v3_stat* out)
{
    layer::FileStatus neutral;
    return stat_v3(backend::fstat(fd, &neutral), neutral, out);
}

extern "C" int32_t layer_fsync(int32_t fd) { return finish32(backend::fsync(fd)); }
extern "C" int32_t layer_fchdir(int32_t fd) { return finish32(backend::fchdir(fd)); }
