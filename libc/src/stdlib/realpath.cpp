#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

// The working directory (for a relative path), then each component: "."
// dropped, ".." removing the one before, anything else appended and
// required to exist (as a directory, unless it is the last). The ABI has
// no readlink, so symbolic links are not resolved.
extern "C" char* realpath(const char* __restrict path, char* __restrict resolved)
{
    if (path == nullptr)
        return fail<char*>(EINVAL, nullptr);
    if (path[0] == '\0')
        return fail<char*>(ENOENT, nullptr);
    char result[PATH_MAX];
    size_t length = 0;
    if (path[0] != '/') {
        if (getcwd(result, sizeof result) == nullptr)
            return nullptr;
        length = strlen(result);
        if (length == 1)
            length = 0; // "/": components add their own slashes
    }
    for (const char* cursor = path; *cursor != '\0';) {
        while (*cursor == '/')
            ++cursor;
        const char* end = strchrnul(cursor, '/');
        size_t size = static_cast<size_t>(end - cursor);
        if (size == 0 || (size == 1 && cursor[0] == '.')) {
            // nothing
        } else if (size == 2 && cursor[0] == '.' && cursor[1] == '.') {
            while (length > 0 && result[length - 1] != '/')
                --length;
            if (length > 0)
                --length;
        } else {
            if (length + 1 + size >= sizeof result)
                return fail<char*>(ENAMETOOLONG, nullptr);
            result[length++] = '/';
            memcpy(result + length, cursor, size);
            length += size;
            result[length] = '\0';
            struct stat status;
            if (stat(result, &status) != 0)
                return nullptr;
            bool more = false;
            for (const char* rest = end; *rest != '\0'; ++rest) {
                if (*rest != '/') {
                    more = true;
                    break;
                }
            }
            if (more && !S_ISDIR(status.st_mode))
                return fail<char*>(ENOTDIR, nullptr);
        }
        cursor = end;
    }
    if (length == 0)
        result[length++] = '/';
    result[length] = '\0';
    if (resolved == nullptr)
        return strdup(result);
    memcpy(resolved, result, length + 1);
    return resolved;
}
