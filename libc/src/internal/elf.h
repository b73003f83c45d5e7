// The few ELF64 structures the start code reads (there is no <elf.h>).
#pragma once

#include <stdint.h>

namespace banos::libc::elf {

struct Header {
    unsigned char ident[16];
    uint16_t type;
    uint16_t machine;
    uint32_t version;
    uint64_t entry;
    uint64_t program_header_offset;
    uint64_t section_header_offset;
    uint32_t flags;
    uint16_t header_size;
    uint16_t program_header_size;
    uint16_t program_header_count;
    uint16_t section_header_size;
    uint16_t section_header_count;
    uint16_t section_name_index;
};

struct ProgramHeader {
    uint32_t type;
    uint32_t flags;
    uint64_t offset;
    uint64_t address;
    uint64_t physical_address;
    uint64_t file_size;
    uint64_t memory_size;
    uint64_t alignment;
};

struct Dynamic {
    int64_t tag;
    uint64_t value;
};

struct Rela {
    uint64_t offset;
    uint64_t info;
    int64_t addend;
};

static_assert(sizeof(Header) == 64 && sizeof(ProgramHeader) == 56 && sizeof(Dynamic) == 16 && sizeof(Rela) == 24);

constexpr uint16_t type_shared = 3; // ET_DYN
constexpr uint32_t segment_load = 1;
constexpr uint32_t segment_dynamic = 2;
constexpr int64_t dynamic_null = 0;
constexpr int64_t dynamic_rela = 7;
constexpr int64_t dynamic_rela_size = 8;
constexpr int64_t dynamic_rela_entry = 9;
constexpr int64_t dynamic_relr_size = 35;
constexpr int64_t dynamic_relr = 36;
constexpr int64_t dynamic_relr_entry = 37;
constexpr uint32_t relocation_none = 0;     // R_X86_64_NONE
constexpr uint32_t relocation_relative = 8; // R_X86_64_RELATIVE

} // namespace banos::libc::elf
