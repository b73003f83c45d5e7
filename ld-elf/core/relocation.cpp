#include "relocation.h"

#include "elf.h"

namespace ldelf {

Relocation relocation_of(uint32_t type)
{
    switch (type) {
    case elf::kRelocationNone:
        return Relocation::None;
    case elf::kRelocation64:
        return Relocation::Absolute64;
    case elf::kRelocationCopy:
        return Relocation::Copy;
    case elf::kRelocationGlobDat:
        return Relocation::GlobDat;
    case elf::kRelocationJumpSlot:
        return Relocation::JumpSlot;
    case elf::kRelocationRelative:
        return Relocation::Relative;
    case elf::kRelocationDtpMod64:
        return Relocation::DtpMod64;
    case elf::kRelocationDtpOff64:
        return Relocation::DtpOff64;
    case elf::kRelocationTpOff64:
        return Relocation::TpOff64;
    default:
        return Relocation::Unsupported;
    }
}

uint64_t relocation_value(Relocation kind, const RelocationInput& in)
{
    uint64_t addend = static_cast<uint64_t>(in.addend);
    switch (kind) {
    case Relocation::Absolute64:
        return in.symbol + addend;
    case Relocation::GlobDat:
    case Relocation::JumpSlot:
        return in.symbol;
    case Relocation::Relative:
        return in.base + addend;
    case Relocation::DtpMod64:
        return in.tls_module;
    case Relocation::DtpOff64:
        return in.symbol + addend;
    case Relocation::TpOff64:
        return in.symbol + addend - in.tls_offset;
    default:
        return 0;
    }
}

void apply_relr(uint64_t base, const uint64_t* entries, size_t count)
{
    uint64_t* where = nullptr;
    for (size_t i = 0; i < count; ++i) {
        uint64_t entry = entries[i];
        if ((entry & 1) == 0) {
            where = reinterpret_cast<uint64_t*>(base + entry);
            *where++ += base;
        } else if (where) {
            for (unsigned bit = 0; (entry >>= 1) != 0; ++bit)
                if (entry & 1)
                    where[bit] += base;
            where += 63;
        }
    }
}

uint64_t static_tls_offset(uint64_t used, uint64_t size, uint64_t align)
{
    if (align < 1)
        align = 1;
    uint64_t end = used + size;
    return (end + align - 1) / align * align;
}

} // namespace ldelf
