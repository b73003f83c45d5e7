// stdin, stdout (line-buffered) and stderr (unbuffered), and the buffered
// write path every output function goes through.
#include <errno.h>
#include <unistd.h>

#include "../core/memory.h"
#include "../internal/stdio.h"

namespace {

char stdout_buffer[BUFSIZ];

__banos_file stdin_file { 0, BufferMode::Unbuffered, false, nullptr, 0, 0 };
__banos_file stdout_file { 1, BufferMode::Line, false, stdout_buffer, sizeof stdout_buffer, 0 };
__banos_file stderr_file { 2, BufferMode::Unbuffered, false, nullptr, 0, 0 };

// write() until everything is out; retries after EINTR.
bool write_all(FILE* stream, const char* data, size_t length)
{
    while (length > 0) {
        ssize_t written = ::write(stream->fd, data, length);
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            stream->error = true;
            return false;
        }
        data += written;
        length -= static_cast<size_t>(written);
    }
    return true;
}

} // namespace

extern "C" {
FILE* const stdin = &stdin_file;
FILE* const stdout = &stdout_file;
FILE* const stderr = &stderr_file;
}

namespace banos::libc::stdio {

bool flush(FILE* stream)
{
    size_t length = stream->length;
    stream->length = 0;
    return write_all(stream, stream->buffer, length);
}

bool write(FILE* stream, const char* data, size_t length)
{
    if (stream->mode == BufferMode::Unbuffered)
        return write_all(stream, data, length);

    if (length > stream->capacity - stream->length && !flush(stream))
        return false;
    if (length >= stream->capacity) {
        if (!write_all(stream, data, length))
            return false;
    } else {
        libc::memcpy(stream->buffer + stream->length, data, length);
        stream->length += length;
    }
    if (stream->mode == BufferMode::Line && stream->length > 0 && libc::memchr(data, '\n', length) != nullptr)
        return flush(stream);
    return true;
}

void flush_all()
{
    flush(stdout);
    flush(stderr);
}

} // namespace banos::libc::stdio
