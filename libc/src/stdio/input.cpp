// The character, line and block input functions.
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/memory.h"
#include "../internal/failure.h"
#include "../internal/stdio.h"

namespace stdio = banos::libc::stdio;
namespace libc = banos::libc;
using banos::libc::fail;

namespace {

// Copies up to `wanted` bytes of a reading stream's read-ahead into `out`;
// how many.
size_t take_read_ahead(FILE* stream, char* out, size_t wanted)
{
    size_t buffered = stream->read_end - stream->read_position;
    size_t piece = wanted < buffered ? wanted : buffered;
    libc::memcpy(out, stream->buffer + stream->read_position, piece);
    stream->read_position += piece;
    return piece;
}

} // namespace

extern "C" {

int fgetc(FILE* stream)
{
    return stdio::get(stream);
}

int getc(FILE* stream)
{
    return stdio::get(stream);
}

int getchar(void)
{
    return stdio::get(stdin);
}

int ungetc(int character, FILE* stream)
{
    if (character == EOF || !stdio::unget(stream, character))
        return EOF;
    return static_cast<unsigned char>(character);
}

size_t fread(void* __restrict data, size_t size, size_t count, FILE* __restrict stream)
{
    if (size == 0 || count == 0)
        return 0;
    size_t total;
    if (__builtin_mul_overflow(size, count, &total))
        total = SIZE_MAX - SIZE_MAX % size;
    auto* out = static_cast<char*>(data);
    size_t done = 0;
    // What is buffered first (push-back, then read-ahead).
    while (done < total && stream->pushback_count > 0)
        out[done++] = static_cast<char>(stream->pushback[--stream->pushback_count]);
    if (stream->direction == Direction::Reading)
        done += take_read_ahead(stream, out + done, total - done);
    while (done < total && !stream->at_end) {
        stdio::prepare(stream);
        if (total - done >= stream->capacity && stream->readable && stream->fd >= 0
            && stream->direction != Direction::Writing) {
            // Large: straight into the caller's memory.
            size_t got = stdio::read_some(stream, out + done, total - done);
            if (got == 0)
                break;
            done += got;
            continue;
        }
        int c = stdio::get(stream);
        if (c == EOF)
            break;
        out[done++] = static_cast<char>(c);
        done += take_read_ahead(stream, out + done, total - done); // what that get() read with it
    }
    return done / size;
}

char* fgets(char* __restrict line, int size, FILE* __restrict stream)
{
    if (size <= 0)
        return fail<char*>(EINVAL, nullptr);
    int used = 0;
    while (used < size - 1) {
        int c = stdio::get(stream);
        if (c == EOF) {
            if (used == 0 || stream->error)
                return nullptr;
            break;
        }
        line[used++] = static_cast<char>(c);
        if (c == '\n')
            break;
    }
    line[used] = '\0';
    return line;
}

ssize_t getdelim(char** __restrict line, size_t* __restrict size, int delimiter, FILE* __restrict stream)
{
    if (line == nullptr || size == nullptr)
        return fail<ssize_t>(EINVAL);
    if (*line == nullptr)
        *size = 0;
    size_t used = 0;
    for (;;) {
        int c = stdio::get(stream);
        if (c == EOF) {
            if (used == 0 || stream->error)
                return -1;
            break;
        }
        if (used + 2 > *size) {
            size_t grown = *size < 64 ? 128 : *size * 2;
            auto* bigger = static_cast<char*>(realloc(*line, grown));
            if (bigger == nullptr)
                return -1;
            *line = bigger;
            *size = grown;
        }
        (*line)[used++] = static_cast<char>(c);
        if (c == delimiter)
            break;
    }
    (*line)[used] = '\0';
    if (used > SSIZE_MAX)
        return fail<ssize_t>(EOVERFLOW);
    return static_cast<ssize_t>(used);
}

ssize_t getline(char** __restrict line, size_t* __restrict size, FILE* __restrict stream)
{
    return getdelim(line, size, '\n', stream);
}
}
