// printf to streams: the output is formatted into a small buffer on the
// stack and handed to the stream in pieces, so even an unbuffered stream
// (stderr) sees few write() calls.
#include <errno.h>
#include <limits.h>
#include <stdio.h>

#include "../core/format.h"
#include "../internal/stdio.h"

namespace libc = banos::libc;

namespace {

struct StreamSink {
    FILE* stream;
    size_t used;
    char buffer[256];
};

void drain(StreamSink& sink)
{
    if (sink.used > 0)
        libc::stdio::write(sink.stream, sink.buffer, sink.used);
    sink.used = 0;
}

void write_to_stream(void* context, const char* data, size_t length)
{
    auto& sink = *static_cast<StreamSink*>(context);
    while (length > 0) {
        if (sink.used == sizeof sink.buffer)
            drain(sink);
        size_t room = sizeof sink.buffer - sink.used;
        size_t piece = length < room ? length : room;
        for (size_t i = 0; i < piece; ++i)
            sink.buffer[sink.used + i] = data[i];
        sink.used += piece;
        data += piece;
        length -= piece;
    }
}

} // namespace

namespace banos::libc::stdio {

int print(FILE* stream, const char* format, va_list arguments)
{
    StreamSink sink;
    sink.stream = stream;
    sink.used = 0;
    int result = libc::format(write_to_stream, &sink, format, arguments);
    drain(sink);
    return result;
}

} // namespace banos::libc::stdio

extern "C" {

int vfprintf(FILE* __restrict stream, const char* __restrict format, va_list arguments)
{
    bool had_error = stream->error;
    stream->error = false;
    int result = libc::stdio::print(stream, format, arguments);
    bool failed = stream->error;
    stream->error = had_error || failed;
    if (failed)
        return -1;
    if (result < 0)
        errno = EOVERFLOW;
    return result;
}

int vprintf(const char* __restrict format, va_list arguments)
{
    return vfprintf(stdout, format, arguments);
}

int fprintf(FILE* __restrict stream, const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int result = vfprintf(stream, format, arguments);
    va_end(arguments);
    return result;
}

int printf(const char* __restrict format, ...)
{
    va_list arguments;
    va_start(arguments, format);
    int result = vfprintf(stdout, format, arguments);
    va_end(arguments);
    return result;
}
}
