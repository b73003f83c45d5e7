// The stream list, stdin/stdout/stderr, and the buffered primitives.
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "../core/memory.h"
#include "../internal/stdio.h"

namespace {

char stdin_buffer[BUFSIZ];
char stdout_buffer[BUFSIZ];

extern __banos_file stdin_file, stdout_file, stderr_file;

// Constant-initialized, so they work before (and during) any constructor.
// stdin and stdout pick line or full buffering at first use.
constinit __banos_file stdin_file { .fd = STDIN_FILENO, .readable = true, .is_static = true,
    .buffer = stdin_buffer, .capacity = sizeof stdin_buffer, .next = &stdout_file };
constinit __banos_file stdout_file { .fd = STDOUT_FILENO, .writable = true, .is_static = true,
    .buffer = stdout_buffer, .capacity = sizeof stdout_buffer, .next = &stderr_file, .previous = &stdin_file };
constinit __banos_file stderr_file { .fd = STDERR_FILENO, .writable = true, .mode_decided = true, .is_static = true,
    .mode = BufferMode::Unbuffered, .buffer = &stderr_file.single, .capacity = 1, .previous = &stdout_file };

FILE* first_stream = &stdin_file; // the list of every stream

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

bool is_terminal(int fd)
{
    int saved = errno;
    bool terminal = isatty(fd) != 0;
    errno = saved;
    return terminal;
}

} // namespace

extern "C" {
FILE* const stdin = &stdin_file;
FILE* const stdout = &stdout_file;
FILE* const stderr = &stderr_file;
}

namespace banos::libc::stdio {

void prepare(FILE* stream)
{
    if (stream->mode_decided)
        return;
    stream->mode_decided = true;
    if (stream->buffer == nullptr) {
        stream->buffer = static_cast<char*>(malloc(BUFSIZ));
        if (stream->buffer != nullptr) {
            stream->capacity = BUFSIZ;
            stream->owns_buffer = true;
        }
    }
    if (stream->buffer == nullptr) {
        stream->mode = BufferMode::Unbuffered;
    } else if (stream->mode != BufferMode::Unbuffered) {
        stream->mode = is_terminal(stream->fd) ? BufferMode::Line : BufferMode::Full;
    }
    if (stream->mode == BufferMode::Unbuffered) {
        if (stream->owns_buffer)
            free(stream->buffer);
        stream->owns_buffer = false;
        stream->buffer = &stream->single;
        stream->capacity = 1;
    }
}

bool flush(FILE* stream)
{
    if (stream->direction == Direction::Writing) {
        size_t length = stream->write_length;
        stream->write_length = 0;
        stream->direction = Direction::Idle;
        return write_all(stream, stream->buffer, length);
    }
    if (stream->direction == Direction::Reading) {
        // Give the read-ahead back, where the descriptor can seek (a pipe
        // or terminal keeps it in the buffer).
        auto unread = static_cast<off_t>(stream->read_end - stream->read_position + stream->pushback_count);
        if (unread == 0 || lseek(stream->fd, -unread, SEEK_CUR) >= 0) {
            stream->read_position = stream->read_end = 0;
            stream->pushback_count = 0;
            stream->direction = Direction::Idle;
        }
    }
    return true;
}

void flush_all()
{
    for (FILE* stream = first_stream; stream != nullptr; stream = stream->next) {
        if (stream->direction == Direction::Writing)
            flush(stream);
    }
}

void flush_line_buffered()
{
    for (FILE* stream = first_stream; stream != nullptr; stream = stream->next) {
        if (stream->mode == BufferMode::Line && stream->direction == Direction::Writing)
            flush(stream);
    }
}

bool write(FILE* stream, const char* data, size_t length)
{
    prepare(stream);
    if (!stream->writable || stream->fd < 0) {
        stream->error = true;
        errno = EBADF;
        return false;
    }
    if (stream->direction == Direction::Reading) {
        flush(stream);
        if (stream->direction == Direction::Reading) {
            // Unseekable: the read-ahead is lost to writing.
            stream->read_position = stream->read_end = 0;
            stream->pushback_count = 0;
        }
    }
    if (stream->mode == BufferMode::Unbuffered) {
        stream->direction = Direction::Idle;
        return write_all(stream, data, length);
    }
    stream->direction = Direction::Writing;
    if (length > stream->capacity - stream->write_length) {
        if (!flush(stream))
            return false;
        stream->direction = Direction::Writing;
    }
    if (length >= stream->capacity) {
        if (!write_all(stream, data, length))
            return false;
    } else {
        libc::memcpy(stream->buffer + stream->write_length, data, length);
        stream->write_length += length;
    }
    if (stream->mode == BufferMode::Line && stream->write_length > 0
        && libc::memchr(data, '\n', length) != nullptr)
        return flush(stream);
    return true;
}

int get(FILE* stream)
{
    if (stream->pushback_count > 0)
        return stream->pushback[--stream->pushback_count];
    if (stream->direction == Direction::Reading && stream->read_position < stream->read_end)
        return static_cast<unsigned char>(stream->buffer[stream->read_position++]);
    if (stream->at_end)
        return EOF; // sticky until clearerr (C17 7.21.7.1)
    prepare(stream);
    if (!stream->readable || stream->fd < 0) {
        stream->error = true;
        errno = EBADF;
        return EOF;
    }
    if (stream->direction == Direction::Writing && !flush(stream))
        return EOF;
    size_t got = read_some(stream, stream->buffer, stream->capacity);
    if (got == 0) {
        stream->direction = Direction::Idle;
        return EOF;
    }
    stream->direction = Direction::Reading;
    stream->read_position = 1;
    stream->read_end = got;
    return static_cast<unsigned char>(stream->buffer[0]);
}

size_t read_some(FILE* stream, char* into, size_t size)
{
    if (stream->mode != BufferMode::Full)
        flush_line_buffered();
    for (;;) {
        ssize_t got = ::read(stream->fd, into, size);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            if (got == 0)
                stream->at_end = true;
            else
                stream->error = true;
            return 0;
        }
        return static_cast<size_t>(got);
    }
}

bool unget(FILE* stream, int character)
{
    if (stream->pushback_count == __banos_file::pushback_capacity)
        return false;
    if (stream->direction == Direction::Writing && !flush(stream))
        return false;
    if (stream->direction == Direction::Idle) {
        stream->direction = Direction::Reading;
        stream->read_position = stream->read_end = 0;
    }
    stream->pushback[stream->pushback_count++] = static_cast<unsigned char>(character);
    stream->at_end = false;
    return true;
}

bool parse_mode(const char* mode, int& flags)
{
    switch (mode[0]) {
    case 'r':
        flags = O_RDONLY;
        break;
    case 'w':
        flags = O_WRONLY | O_CREAT | O_TRUNC;
        break;
    case 'a':
        flags = O_WRONLY | O_CREAT | O_APPEND;
        break;
    default:
        return false;
    }
    for (const char* cursor = mode + 1; *cursor != '\0'; ++cursor) {
        switch (*cursor) {
        case '+':
            flags = (flags & ~O_ACCMODE) | O_RDWR;
            break;
        case 'x':
            flags |= O_EXCL;
            break;
        case 'e':
            flags |= O_CLOEXEC;
            break;
        case 'b':
        case 't':
            break;
        default:
            break; // glibc ignores what it does not know, too
        }
    }
    return true;
}

FILE* create(int fd, int open_flags)
{
    auto* stream = static_cast<FILE*>(malloc(sizeof(FILE)));
    if (stream == nullptr)
        return nullptr;
    *stream = __banos_file {};
    stream->fd = fd;
    int access = open_flags & O_ACCMODE;
    stream->readable = access == O_RDONLY || access == O_RDWR;
    stream->writable = access == O_WRONLY || access == O_RDWR;
    stream->next = first_stream;
    if (first_stream != nullptr)
        first_stream->previous = stream;
    first_stream = stream;
    return stream;
}

void destroy(FILE* stream)
{
    if (stream->owns_buffer)
        free(stream->buffer);
    stream->owns_buffer = false;
    stream->buffer = nullptr;
    if (stream->is_static)
        return;
    if (stream->previous != nullptr)
        stream->previous->next = stream->next;
    else
        first_stream = stream->next;
    if (stream->next != nullptr)
        stream->next->previous = stream->previous;
    free(stream);
}

} // namespace banos::libc::stdio
