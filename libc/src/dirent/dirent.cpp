// Directories over the getdents slot: each DIR holds a buffer of the ABI's
// banos_v1_dirent records, which readdir hands out as struct dirent.
#include <banos/slots.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include "../internal/failure.h"

using banos::libc::fail;

struct __banos_dir {
    int fd;
    size_t position; // of the next record in buffer
    size_t length;   // bytes of records in buffer
    alignas(8) char buffer[8192];
};

extern "C" {

DIR* fdopendir(int fd)
{
    struct stat status;
    if (fstat(fd, &status) != 0)
        return nullptr;
    if (!S_ISDIR(status.st_mode))
        return fail<DIR*>(ENOTDIR, nullptr);
    auto* directory = static_cast<DIR*>(malloc(sizeof(DIR)));
    if (directory == nullptr)
        return nullptr;
    directory->fd = fd;
    directory->position = directory->length = 0;
    return directory;
}

DIR* opendir(const char* path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return nullptr;
    DIR* directory = fdopendir(fd);
    if (directory == nullptr) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return directory;
}

struct dirent* readdir(DIR* directory)
{
    if (directory->position >= directory->length) {
        int64_t got = __banos_slot_getdents(directory->fd, directory->buffer, sizeof directory->buffer);
        if (got <= 0)
            return nullptr; // the end (errno untouched), or an error (errno set)
        directory->length = static_cast<size_t>(got);
        directory->position = 0;
    }
    auto* record = reinterpret_cast<struct dirent*>(directory->buffer + directory->position);
    directory->position += record->d_reclen;
    return record;
}

int closedir(DIR* directory)
{
    int result = close(directory->fd);
    free(directory);
    return result;
}

void rewinddir(DIR* directory)
{
    lseek(directory->fd, 0, SEEK_SET);
    directory->position = directory->length = 0;
}

ssize_t getdents(int fd, void* buffer, size_t size)
{
    return __banos_slot_getdents(fd, buffer, size);
}

int dirfd(DIR* directory)
{
    return directory->fd;
}

int alphasort(const struct dirent** left, const struct dirent** right)
{
    return strcmp((*left)->d_name, (*right)->d_name);
}

int scandir(const char* path, struct dirent*** entries, int (*filter)(const struct dirent*),
    int (*compare)(const struct dirent**, const struct dirent**))
{
    DIR* directory = opendir(path);
    if (directory == nullptr)
        return -1;
    struct dirent** list = nullptr;
    size_t count = 0, capacity = 0;
    bool failed = false;
    errno = 0;
    while (struct dirent* entry = readdir(directory)) {
        if (filter != nullptr && !filter(entry))
            continue;
        if (count == capacity) {
            capacity = capacity == 0 ? 16 : capacity * 2;
            auto** grown = static_cast<struct dirent**>(realloc(list, capacity * sizeof *list));
            if (grown == nullptr) {
                failed = true;
                break;
            }
            list = grown;
        }
        // A copy as long as the record's name needs.
        size_t size = offsetof(struct dirent, d_name) + strlen(entry->d_name) + 1;
        auto* copy = static_cast<struct dirent*>(malloc(size < sizeof(struct dirent) ? size : sizeof(struct dirent)));
        if (copy == nullptr) {
            failed = true;
            break;
        }
        memcpy(copy, entry, size < sizeof(struct dirent) ? size : sizeof(struct dirent));
        list[count++] = copy;
    }
    int saved = errno;
    closedir(directory);
    if (failed || saved != 0) {
        while (count > 0)
            free(list[--count]);
        free(list);
        errno = failed ? ENOMEM : saved;
        return -1;
    }
    if (compare != nullptr && count > 1) {
        using Compare = int (*)(const struct dirent**, const struct dirent**);
        qsort_r(list, count, sizeof *list,
            [](const void* left, const void* right, void* context) {
                return (*static_cast<Compare*>(context))(static_cast<const struct dirent**>(const_cast<void*>(left)),
                    static_cast<const struct dirent**>(const_cast<void*>(right)));
            },
            &compare);
    }
    *entries = list;
    return static_cast<int>(count);
}
}
