// What ld-elf needs from the system and from a C library it cannot have:
// calls through its own window (ld-elf is a program ABI 2 object, so every
// call goes through the ABI 2 layer the kernel mapped for it), memory that
// is never given back, strings, and messages. Nothing here may need a
// relocation: ld-elf runs before anything relocated it (see README.md).
#pragma once
#include <stddef.h>
#include <stdint.h>

#include <abi-versions/common/tcb.h>

extern "C" {
void* memcpy(void* destination, const void* source, size_t count);
void* memset(void* destination, int value, size_t count);
int memcmp(const void* a, const void* b, size_t count);
}

#define LDELF_EXPORT __attribute__((visibility("default")))

namespace ldelf {

// Fixed-size moves of possibly unaligned words. ld-elf is built
// freestanding, where memcpy is always a call; these compile to one move.
inline void store_word(uint64_t address, uint64_t value)
{
    __builtin_memcpy(reinterpret_cast<void*>(address), &value, sizeof(value));
}
inline uint32_t load_u32(const void* address)
{
    uint32_t value;
    __builtin_memcpy(&value, address, sizeof(value));
    return value;
}

// -1 on failure; the layer stored errno through the TCB.
int open_file(const char* path);
void close_file(int fd);
int64_t file_size(int fd);
bool read_at(int fd, void* buffer, uint64_t size, uint64_t offset);
// Returns the address, or 0.
uint64_t map(uint64_t address, uint64_t size, int protection, bool fixed, int fd, uint64_t offset);
void unmap(uint64_t address, uint64_t size);
bool protect(uint64_t address, uint64_t size, int protection);
int attach_layer(uint64_t window, uint64_t size, uint32_t program_abi);
int detach_layer(uint64_t window);
// The running thread's TCB (%fs:0 holds its address).
banos_tcb* thread_control_block();
// The errno (program ABI 2's numbers) the last failed call stored.
int last_error();
[[noreturn]] void exit_now(int status);
void write_error(const char* text);

// Zeroed memory for the loader's lifetime.
void* allocate(size_t size, size_t align = 16);
char* duplicate(const char* text);

size_t length(const char* text);
bool equal(const char* a, const char* b);
bool starts_with(const char* text, const char* prefix);
const char* base_name(const char* path);

// A message assembled from pieces, for the errors ld-elf reports.
class Message {
public:
    Message& operator<<(const char* text);
    Message& operator<<(uint64_t number);
    const char* text() const { return buffer_; }

private:
    char buffer_[512] {};
    size_t used_ { 0 };
};

constexpr uint64_t kPage = 4096;
inline uint64_t page_down(uint64_t value) { return value & ~(kPage - 1); }
inline uint64_t page_up(uint64_t value) { return (value + kPage - 1) & ~(kPage - 1); }

} // namespace ldelf
