#include <libgen.h>
#include <string.h>

namespace {
char dot[] = ".";
char slash[] = "/";
} // namespace

extern "C" {

// "/usr/lib/" -> "lib", "/" -> "/", "" or NULL -> "."
char* basename(char* path)
{
    if (path == nullptr || path[0] == '\0')
        return dot;
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        path[--end] = '\0';
    if (end == 1 && path[0] == '/')
        return path;
    char* last = strrchr(path, '/');
    return last != nullptr ? last + 1 : path;
}

// "/usr/lib/" -> "/usr", "usr" -> ".", "/" -> "/", "/usr" -> "/"
char* dirname(char* path)
{
    if (path == nullptr || path[0] == '\0')
        return dot;
    size_t end = strlen(path);
    while (end > 1 && path[end - 1] == '/')
        --end; // trailing slashes
    while (end > 0 && path[end - 1] != '/')
        --end; // the last component
    if (end == 0)
        return dot;
    while (end > 1 && path[end - 1] == '/')
        --end; // the slashes before it
    if (end == 1 && path[0] == '/')
        return slash;
    path[end] = '\0';
    return path;
}
}
