// The FILE structure and the stream primitives the stdio functions share.
//
// A stream is at any time idle, reading (buffer[read_position, read_end)
// holds bytes read ahead from the descriptor, after `pushback` which holds
// ungetc's characters, the last pushed on top) or writing (buffer[0,
// write_length) waits for the descriptor). Switching direction settles the
// buffer first: pending output is written, read-ahead is given back to the
// descriptor with lseek. Every stream is on one list (exit flushes it).
// No locks: processes are single-threaded so far.
#pragma once

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "visibility.h"

enum class BufferMode { Unbuffered, Line, Full };
enum class Direction { Idle, Reading, Writing };

struct __banos_file {
    int fd = -1;
    bool readable = false;
    bool writable = false;
    bool at_end = false;
    bool error = false;
    bool mode_decided = false; // buffering is picked (isatty) at first use
    bool owns_buffer = false;
    bool is_static = false;    // stdin, stdout, stderr
    BufferMode mode = BufferMode::Full;
    Direction direction = Direction::Idle;
    char* buffer = nullptr;
    size_t capacity = 0;
    size_t read_position = 0;
    size_t read_end = 0;
    size_t write_length = 0;
    static constexpr size_t pushback_capacity = 16;
    unsigned char pushback[pushback_capacity] = {};
    size_t pushback_count = 0;
    char single = 0;           // the buffer of an unbuffered stream
    pid_t child = 0;           // popen's process
    __banos_file* next = nullptr;
    __banos_file* previous = nullptr;
};

namespace banos::libc::stdio {

// Picks the buffering and a buffer if not done yet.
void prepare(FILE* stream) LIBC_HIDDEN;
// Writes through the stream's buffer; false (error flag set) on failure.
bool write(FILE* stream, const char* data, size_t length) LIBC_HIDDEN;
// The next byte (0-255) or EOF (with at_end or error set).
int get(FILE* stream) LIBC_HIDDEN;
// read() from the stream's descriptor into `into`, retrying after EINTR,
// after flushing line-buffered output if the stream is not fully buffered
// (a prompt shows before its answer is read). The bytes read; 0 with
// at_end or error set.
size_t read_some(FILE* stream, char* into, size_t size) LIBC_HIDDEN;
// Pushes a byte back; false when the push-back area is full.
bool unget(FILE* stream, int character) LIBC_HIDDEN;
// Settles the buffer: pending output written, read-ahead given back where
// the descriptor can seek. false on a write error.
bool flush(FILE* stream) LIBC_HIDDEN;
// Flushes every stream (exit does this).
void flush_all() LIBC_HIDDEN;
// Flushes every line-buffered stream with pending output (before reading
// from a stream that is not fully buffered).
void flush_line_buffered() LIBC_HIDDEN;
// Parses an fopen mode into open() flags; false if invalid.
bool parse_mode(const char* mode, int& flags) LIBC_HIDDEN;
// A new stream for `fd` (on the list), or nullptr (errno set).
FILE* create(int fd, int open_flags) LIBC_HIDDEN;
// Takes a stream off the list and frees it (not the static ones).
void destroy(FILE* stream) LIBC_HIDDEN;
// vfprintf without the return-value conventions: the format() result.
int print(FILE* stream, const char* format, va_list arguments) LIBC_HIDDEN;

} // namespace banos::libc::stdio
