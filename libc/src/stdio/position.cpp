// Stream positions and the end-of-file and error flags.
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "../internal/failure.h"
#include "../internal/stdio.h"

namespace stdio = banos::libc::stdio;
using banos::libc::fail;

extern "C" {

int fseeko(FILE* stream, off_t offset, int whence)
{
    if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
        return fail(EINVAL);
    if (stream->direction == Direction::Writing && !stdio::flush(stream))
        return -1;
    if (stream->direction == Direction::Reading && whence == SEEK_CUR)
        offset -= static_cast<off_t>(stream->read_end - stream->read_position + stream->pushback_count);
    if (lseek(stream->fd, offset, whence) < 0)
        return -1;
    stream->direction = Direction::Idle;
    stream->read_position = stream->read_end = 0;
    stream->pushback_count = 0;
    stream->at_end = false;
    return 0;
}

int fseek(FILE* stream, long offset, int whence)
{
    return fseeko(stream, offset, whence);
}

off_t ftello(FILE* stream)
{
    off_t position = lseek(stream->fd, 0, SEEK_CUR);
    if (position < 0)
        return -1;
    if (stream->direction == Direction::Reading)
        position -= static_cast<off_t>(stream->read_end - stream->read_position + stream->pushback_count);
    else if (stream->direction == Direction::Writing)
        position += static_cast<off_t>(stream->write_length);
    return position;
}

long ftell(FILE* stream)
{
    return ftello(stream);
}

void rewind(FILE* stream)
{
    fseeko(stream, 0, SEEK_SET);
    stream->error = false;
}

int fgetpos(FILE* __restrict stream, fpos_t* __restrict position)
{
    off_t offset = ftello(stream);
    if (offset < 0)
        return -1;
    *position = offset;
    return 0;
}

int fsetpos(FILE* stream, const fpos_t* position)
{
    return fseeko(stream, *position, SEEK_SET);
}

int feof(FILE* stream)
{
    return stream->at_end ? 1 : 0;
}

int ferror(FILE* stream)
{
    return stream->error ? 1 : 0;
}

void clearerr(FILE* stream)
{
    stream->error = false;
    stream->at_end = false;
}
}
