#include "relocation.h"

namespace ldelf {

Relocation relocation_of(uint32_t type)
{
    switch (type) {
    case 0:
        return Relocation::None;
    case 1:
        return Relocation::Absolute64;
    case 5:
        return Relocation::Copy;
    case 6:
        return Relocation::GlobDat;
    case 7:
        return Relocation::JumpSlot;
    case 8:
        return Relocation::Relative;
    case 16:
        return Relocation::DtpMod64;
    case 17:
        return Relocation::DtpOff64;
    case 18:
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

uint64_t static_tls_offset(uint64_t used, uint64_t size, uint64_t align)
{
    if (align < 1)
        align = 1;
    uint64_t end = used + size;
    return (end + align - 1) / align * align;
}

} // namespace ldelf
