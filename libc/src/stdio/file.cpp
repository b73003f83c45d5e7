// Opening, closing, flushing and buffering streams.
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../internal/failure.h"
#include "../internal/stdio.h"

namespace stdio = banos::libc::stdio;
using banos::libc::fail;

extern "C" {

FILE* fopen(const char* __restrict path, const char* __restrict mode)
{
    int flags;
    if (!stdio::parse_mode(mode, flags))
        return fail<FILE*>(EINVAL, nullptr);
    int fd = open(path, flags, 0666);
    if (fd < 0)
        return nullptr;
    FILE* stream = stdio::create(fd, flags);
    if (stream == nullptr) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return stream;
}

FILE* fdopen(int fd, const char* mode)
{
    int flags;
    if (!stdio::parse_mode(mode, flags))
        return fail<FILE*>(EINVAL, nullptr);
    if (fcntl(fd, F_GETFL) < 0)
        return nullptr;
    return stdio::create(fd, flags);
}

FILE* freopen(const char* __restrict path, const char* __restrict mode, FILE* __restrict stream)
{
    int flags;
    if (!stdio::parse_mode(mode, flags))
        return fail<FILE*>(EINVAL, nullptr);
    stdio::flush(stream);
    if (path == nullptr) {
        // The same descriptor with a new mode: only the stream's view changes.
        int access = flags & O_ACCMODE;
        stream->readable = access == O_RDONLY || access == O_RDWR;
        stream->writable = access == O_WRONLY || access == O_RDWR;
        stream->at_end = stream->error = false;
        return stream;
    }
    if (stream->fd >= 0)
        close(stream->fd);
    int target = stream->fd;
    int fd = open(path, flags, 0666);
    if (fd >= 0 && target >= 0 && fd != target) {
        // Keep the descriptor number (freopen(..., stdout) must stay fd 1).
        if (dup2(fd, target) >= 0) {
            close(fd);
            fd = target;
        }
    }
    stream->fd = fd;
    stream->direction = Direction::Idle;
    stream->read_position = stream->read_end = stream->write_length = stream->pushback_count = 0;
    stream->at_end = stream->error = false;
    int access = flags & O_ACCMODE;
    stream->readable = access == O_RDONLY || access == O_RDWR;
    stream->writable = access == O_WRONLY || access == O_RDWR;
    stream->mode_decided = stream->mode == BufferMode::Unbuffered;
    if (fd < 0) {
        int saved = errno;
        if (!stream->is_static)
            stdio::destroy(stream);
        errno = saved;
        return nullptr;
    }
    return stream;
}

int fclose(FILE* stream)
{
    bool ok = stdio::flush(stream) && !stream->error;
    if (stream->fd >= 0 && close(stream->fd) != 0)
        ok = false;
    stream->fd = -1;
    stream->direction = Direction::Idle;
    stream->read_position = stream->read_end = stream->write_length = stream->pushback_count = 0;
    stdio::destroy(stream);
    return ok ? 0 : EOF;
}

int fflush(FILE* stream)
{
    if (stream == nullptr) {
        stdio::flush_all();
        return 0;
    }
    if (stream->direction == Direction::Writing && !stdio::flush(stream))
        return EOF;
    if (stream->direction == Direction::Reading)
        stdio::flush(stream);
    return 0;
}

int setvbuf(FILE* __restrict stream, char* __restrict buffer, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
        return fail(EINVAL);
    if (stream->direction != Direction::Idle || stream->pushback_count > 0)
        return fail(EINVAL); // only before the first I/O
    if (stream->owns_buffer)
        free(stream->buffer);
    stream->owns_buffer = false;
    stream->mode_decided = true;
    if (mode == _IONBF) {
        stream->mode = BufferMode::Unbuffered;
        stream->buffer = &stream->single;
        stream->capacity = 1;
        return 0;
    }
    stream->mode = mode == _IOLBF ? BufferMode::Line : BufferMode::Full;
    if (size == 0)
        size = BUFSIZ;
    if (buffer == nullptr) {
        buffer = static_cast<char*>(malloc(size));
        if (buffer == nullptr) {
            stream->mode = BufferMode::Unbuffered;
            stream->buffer = &stream->single;
            stream->capacity = 1;
            return fail(ENOMEM);
        }
        stream->owns_buffer = true;
    }
    stream->buffer = buffer;
    stream->capacity = size;
    return 0;
}

void setbuf(FILE* __restrict stream, char* __restrict buffer)
{
    setvbuf(stream, buffer, buffer != nullptr ? _IOFBF : _IONBF, BUFSIZ);
}

void setlinebuf(FILE* stream)
{
    setvbuf(stream, nullptr, _IOLBF, 0);
}

int fileno(FILE* stream)
{
    if (stream->fd < 0)
        return fail(EBADF);
    return stream->fd;
}
}
