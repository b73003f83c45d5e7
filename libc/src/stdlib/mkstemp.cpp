#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

namespace {

// Fills the trailing XXXXXX with letters and digits and calls `create`
// until it succeeds or fails for another reason than EEXIST.
template<typename Create>
int fill_and_create(char* pattern, Create create)
{
    size_t length = strlen(pattern);
    if (length < 6 || strcmp(pattern + length - 6, "XXXXXX") != 0)
        return fail(EINVAL);
    static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static uint64_t counter;
    uint64_t seed = static_cast<uint64_t>(getpid()) * 2654435761u + static_cast<uint64_t>(time(nullptr));
    for (int attempt = 0; attempt < 1000; ++attempt) {
        uint64_t value = seed + ++counter * 0x9e3779b97f4a7c15ull;
        value ^= value >> 29;
        value *= 0xbf58476d1ce4e5b9ull;
        for (size_t i = length - 6; i < length; ++i) {
            pattern[i] = letters[value % (sizeof letters - 1)];
            value /= sizeof letters - 1;
        }
        int result = create(pattern);
        if (result >= 0 || errno != EEXIST)
            return result;
    }
    return fail(EEXIST);
}

} // namespace

extern "C" int mkstemp(char* pattern)
{
    return fill_and_create(pattern, [](const char* path) { return open(path, O_RDWR | O_CREAT | O_EXCL, 0600); });
}

extern "C" char* mkdtemp(char* pattern)
{
    int result = fill_and_create(pattern, [](const char* path) { return mkdir(path, 0700); });
    return result == 0 ? pattern : nullptr;
}
