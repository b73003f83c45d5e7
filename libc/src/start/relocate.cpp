// Self-relocation of a static PIE. Runs before anything else, so it may only
// use PC-relative addresses: hidden symbols, string literals, direct calls.
// The load bias is the runtime address of the ELF header (__ehdr_start, at
// file offset 0 of the first PT_LOAD) minus that PT_LOAD's link address; the
// relocations come from PT_DYNAMIC's DT_RELA (and DT_RELR, if the program
// was linked with -z pack-relative-relocs). Only R_X86_64_RELATIVE (and
// NONE) can occur in a static PIE; anything else ends the program.
#include <stdint.h>

#include <banos/slots.h>

#include <abi-versions/common/elf64.h>

#include "../internal/startup.h"

namespace elf = ::elf64;

extern "C" const elf::Header __ehdr_start LIBC_HIDDEN;

namespace {

[[noreturn]] void fail(const char* message, uint64_t length)
{
    __banos_slot_write(2, message, length);
    __banos_slot__exit(127);
    __builtin_trap();
}

#define FAIL(text) fail(text, sizeof(text) - 1)

} // namespace

extern "C" void __libc_relocate_static_pie(void)
{
    const elf::Header* header = &__ehdr_start;
    if (header->type != elf::kTypeDyn)
        return;

    auto* program_headers = reinterpret_cast<const elf::ProgramHeader*>(
        reinterpret_cast<const char*>(header) + header->phoff);
    const elf::ProgramHeader* first_load = nullptr;
    const elf::ProgramHeader* dynamic_segment = nullptr;
    for (uint16_t i = 0; i < header->phnum; ++i) {
        const auto& segment = program_headers[i];
        if (segment.type == elf::kSegmentLoad && segment.offset == 0 && first_load == nullptr)
            first_load = &segment;
        else if (segment.type == elf::kSegmentDynamic)
            dynamic_segment = &segment;
    }
    if (first_load == nullptr)
        FAIL("libc: static PIE without a PT_LOAD holding its ELF header\n");
    if (dynamic_segment == nullptr)
        return; // nothing to relocate
    uintptr_t base = reinterpret_cast<uintptr_t>(header) - first_load->vaddr;

    uint64_t rela = 0, rela_size = 0, rela_entry = sizeof(elf::Rela);
    uint64_t relr = 0, relr_size = 0, relr_entry = sizeof(uint64_t);
    for (auto* entry = reinterpret_cast<const elf::Dynamic*>(base + dynamic_segment->vaddr);
         entry->tag != elf::kDynamicNull; ++entry) {
        switch (entry->tag) {
        case elf::kDynamicRela:
            rela = entry->value;
            break;
        case elf::kDynamicRelaSize:
            rela_size = entry->value;
            break;
        case elf::kDynamicRelaEntry:
            rela_entry = entry->value;
            break;
        case elf::kDynamicRelr:
            relr = entry->value;
            break;
        case elf::kDynamicRelrSize:
            relr_size = entry->value;
            break;
        case elf::kDynamicRelrEntry:
            relr_entry = entry->value;
            break;
        default:
            break;
        }
    }
    if (rela_entry != sizeof(elf::Rela) || relr_entry != sizeof(uint64_t))
        FAIL("libc: unexpected relocation entry size\n");

    for (uint64_t offset = 0; offset + sizeof(elf::Rela) <= rela_size; offset += sizeof(elf::Rela)) {
        auto* relocation = reinterpret_cast<const elf::Rela*>(base + rela + offset);
        auto type = elf::relocation_type(relocation->info);
        if (type == elf::kRelocationNone)
            continue;
        if (type != elf::kRelocationRelative)
            FAIL("libc: static PIE has a relocation other than R_X86_64_RELATIVE\n");
        *reinterpret_cast<uint64_t*>(base + relocation->offset) = base + static_cast<uint64_t>(relocation->addend);
    }

    // RELR: an address entry relocates one word and sets the cursor after
    // it; a bitmap entry (low bit set) relocates the words its next 63 bits
    // select, then moves the cursor 63 words on.
    uint64_t* where = nullptr;
    for (uint64_t offset = 0; offset + sizeof(uint64_t) <= relr_size; offset += sizeof(uint64_t)) {
        uint64_t entry = *reinterpret_cast<const uint64_t*>(base + relr + offset);
        if ((entry & 1) == 0) {
            where = reinterpret_cast<uint64_t*>(base + entry);
            *where++ += base;
        } else if (where != nullptr) {
            for (unsigned bit = 0; (entry >>= 1) != 0; ++bit) {
                if (entry & 1)
                    where[bit] += base;
            }
            where += 63;
        }
    }
}
