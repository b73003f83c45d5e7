#include "system.h"

#include <banos/slots.h>

#include "sys/arch/x86_64/lib/block_ops.h"

// The compiler may call these on its own; ld-elf links no C library.
extern "C" void* memcpy(void* destination, const void* source, size_t count)
{
    block_ops::copy(destination, source, count);
    return destination;
}

extern "C" void* memset(void* destination, int value, size_t count)
{
    block_ops::fill(destination, value, count);
    return destination;
}

extern "C" int memcmp(const void* a, const void* b, size_t count)
{
    auto* x = static_cast<const unsigned char*>(a);
    auto* y = static_cast<const unsigned char*>(b);
    for (size_t i = 0; i < count; ++i)
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    return 0;
}

namespace ldelf {

namespace {
constexpr int kProtReadWrite = BANOS_PROT_READ | BANOS_PROT_WRITE;
constexpr uint64_t kChunk = 64 * 1024;

// The first chunk is ld-elf's own .bss: it shares the page that .data and
// the rest of .bss already dirty at start (check-bootstrap.py keeps them
// in one page), and a program's start-up with a library or two (their
// objects, names and lists) fits, so a dynamically linked program starts
// without an mmap and a page fault for ld-elf's heap.
alignas(16) unsigned char g_first_chunk[1536];
// The current allocation chunk.
uint64_t g_chunk_next;
uint64_t g_chunk_end;
} // namespace

int open_file(const char* path) { return __banos_slot_open(path, BANOS_O_RDONLY | BANOS_O_CLOEXEC, 0); }

void close_file(int fd) { __banos_slot_close(fd); }

int64_t file_size(int fd)
{
    struct banos_v2_stat status;
    if (__banos_slot_fstat64(fd, &status) != 0)
        return -1;
    if ((status.st_mode & BANOS_S_IFMT) != BANOS_S_IFREG)
        return -1;
    return status.st_size;
}

bool read_at(int fd, void* buffer, uint64_t size, uint64_t offset)
{
    auto* bytes = static_cast<unsigned char*>(buffer);
    while (size > 0) {
        int64_t got = __banos_slot_pread64(fd, bytes, size, static_cast<int64_t>(offset));
        if (got <= 0)
            return false;
        bytes += got;
        size -= static_cast<uint64_t>(got);
        offset += static_cast<uint64_t>(got);
    }
    return true;
}

uint64_t map(uint64_t address, uint64_t size, int protection, bool fixed, int fd, uint64_t offset)
{
    // A library's file pages are all wanted at once: its text lent, its
    // data copied now, rather than a fault at a time.
    int flags = BANOS_MAP_PRIVATE | (fixed ? BANOS_MAP_FIXED : 0) | (fd < 0 ? BANOS_MAP_ANONYMOUS : BANOS_MAP_POPULATE);
    int64_t result = __banos_slot_mmap(address, size, protection, flags, fd, static_cast<int64_t>(offset));
    return result == -1 ? 0 : static_cast<uint64_t>(result);
}

void unmap(uint64_t address, uint64_t size)
{
    if (size)
        __banos_slot_munmap(address, size);
}

bool protect(uint64_t address, uint64_t size, int protection)
{
    return __banos_slot_mprotect(address, size, protection) == 0;
}

int attach_layer(uint64_t window, uint64_t size, uint32_t program_abi)
{
    return __banos_slot_syslayer_attach(reinterpret_cast<void*>(window), size, program_abi);
}

int detach_layer(uint64_t window) { return __banos_slot_syslayer_detach(reinterpret_cast<void*>(window)); }

banos_tcb* thread_control_block()
{
    banos_tcb* self;
    asm("movq %%fs:0, %0" : "=r"(self));
    return self;
}

int last_error() { return *thread_control_block()->errno_ptr; }

void exit_now(int status)
{
    __banos_slot__exit(status);
    __builtin_trap();
}

void write_error(const char* text) { __banos_slot_write(2, text, length(text)); }

void* allocate(size_t size, size_t align)
{
    if (g_chunk_next == 0) {
        g_chunk_next = reinterpret_cast<uint64_t>(g_first_chunk);
        g_chunk_end = g_chunk_next + sizeof(g_first_chunk);
    }
    uint64_t start = (g_chunk_next + align - 1) & ~(uint64_t(align) - 1);
    if (start + size > g_chunk_end) {
        uint64_t chunk = page_up(size + align) > kChunk ? page_up(size + align) : kChunk;
        uint64_t memory = map(0, chunk, kProtReadWrite, false, -1, 0);
        if (memory == 0) {
            write_error("ld-elf: out of memory\n");
            exit_now(127);
        }
        g_chunk_next = memory;
        g_chunk_end = memory + chunk;
        start = (g_chunk_next + align - 1) & ~(uint64_t(align) - 1);
    }
    g_chunk_next = start + size;
    return reinterpret_cast<void*>(start); // .bss and fresh anonymous memory are zeroed
}

char* duplicate(const char* text)
{
    size_t size = length(text) + 1;
    auto* copy = static_cast<char*>(allocate(size, 1));
    memcpy(copy, text, size);
    return copy;
}

size_t length(const char* text)
{
    size_t n = 0;
    while (text[n])
        ++n;
    return n;
}

bool equal(const char* a, const char* b)
{
    while (*a && *a == *b)
        ++a, ++b;
    return *a == *b;
}

bool starts_with(const char* text, const char* prefix)
{
    while (*prefix)
        if (*text++ != *prefix++)
            return false;
    return true;
}

const char* base_name(const char* path)
{
    const char* name = path;
    for (const char* p = path; *p; ++p)
        if (*p == '/')
            name = p + 1;
    return name;
}

Message& Message::operator<<(const char* text)
{
    while (*text && used_ + 1 < sizeof(buffer_))
        buffer_[used_++] = *text++;
    buffer_[used_] = 0;
    return *this;
}

Message& Message::operator<<(uint64_t number)
{
    char digits[24];
    size_t n = 0;
    do {
        digits[n++] = static_cast<char>('0' + number % 10);
        number /= 10;
    } while (number);
    char text[24];
    for (size_t i = 0; i < n; ++i)
        text[i] = digits[n - 1 - i];
    text[n] = 0;
    return *this << text;
}

} // namespace ldelf
