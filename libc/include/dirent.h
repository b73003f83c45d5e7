/* Directories, read through the getdents slot. struct dirent starts like
 * the ABI's banos_v1_dirent record; readdir returns pointers into the DIR's
 * buffer, valid until the next readdir or closedir on it. */
#ifndef __BANOS_DIRENT_H
#define __BANOS_DIRENT_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

#define DT_UNKNOWN BANOS_DT_UNKNOWN
#define DT_FIFO BANOS_DT_FIFO
#define DT_CHR BANOS_DT_CHR
#define DT_DIR BANOS_DT_DIR
#define DT_BLK BANOS_DT_BLK
#define DT_REG BANOS_DT_REG
#define DT_LNK BANOS_DT_LNK

struct dirent {
    ino_t d_ino;
    off_t d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[256];
};

__BANOS_STATIC_ASSERT(__builtin_offsetof(struct dirent, d_ino) == __builtin_offsetof(struct banos_v1_dirent, d_ino)
        && __builtin_offsetof(struct dirent, d_off) == __builtin_offsetof(struct banos_v1_dirent, d_off)
        && __builtin_offsetof(struct dirent, d_reclen) == __builtin_offsetof(struct banos_v1_dirent, d_reclen)
        && __builtin_offsetof(struct dirent, d_type) == __builtin_offsetof(struct banos_v1_dirent, d_type)
        && __builtin_offsetof(struct dirent, d_name) == __builtin_offsetof(struct banos_v1_dirent, d_name),
    "struct dirent starts like the program ABI's getdents record");

typedef struct __banos_dir DIR;

__BEGIN_DECLS

DIR* opendir(const char* path);
/* Takes over fd (closed by closedir). */
DIR* fdopendir(int fd);
/* NULL at the end (errno unchanged) or on an error (errno set). */
struct dirent* readdir(DIR* directory);
int closedir(DIR* directory);
void rewinddir(DIR* directory);
int dirfd(DIR* directory);
/* All entries `filter` accepts (all if NULL), malloc'd, sorted with
 * `compare` (unsorted if NULL); the count, or -1. */
int scandir(const char* path, struct dirent*** entries, int (*filter)(const struct dirent*),
    int (*compare)(const struct dirent**, const struct dirent**));
int alphasort(const struct dirent** left, const struct dirent** right);
/* The slot itself: fills `buffer` with the ABI's records (struct dirent's
 * first fields, d_reclen bytes each); the bytes used, 0 at the end. */
ssize_t getdents(int fd, void* buffer, size_t size);

__END_DECLS

#endif
