#include "arch/x86_64/module/relocation.h"

namespace arch::module {

namespace {
bool fits_signed32(int64_t value) { return value >= INT32_MIN && value <= INT32_MAX; }
} // namespace

klib::Optional<size_t> relocation_width(uint32_t type)
{
    switch (type) {
    case kRelocation64:
    case kRelocationPc64:
        return size_t(8);
    case kRelocationPc32:
    case kRelocationPlt32:
    case kRelocation32:
    case kRelocation32S:
        return size_t(4);
    default:
        return {};
    }
}

const char* relocation_name(uint32_t type)
{
    switch (type) {
    case kRelocation64:
        return "R_X86_64_64";
    case kRelocationPc32:
        return "R_X86_64_PC32";
    case kRelocationPlt32:
        return "R_X86_64_PLT32";
    case kRelocation32:
        return "R_X86_64_32";
    case kRelocation32S:
        return "R_X86_64_32S";
    case kRelocationPc64:
        return "R_X86_64_PC64";
    default:
        return "unsupported";
    }
}

klib::Optional<uint64_t> relocation_value(uint32_t type, uint64_t symbol, int64_t addend, uint64_t place)
{
    // Unsigned wrap-around is the arithmetic the psABI means.
    uint64_t absolute = symbol + static_cast<uint64_t>(addend);
    uint64_t relative = absolute - place;
    switch (type) {
    case kRelocation64:
        return absolute;
    case kRelocationPc64:
        return relative;
    case kRelocationPc32:
    case kRelocationPlt32:
        if (!fits_signed32(static_cast<int64_t>(relative)))
            return {};
        return relative;
    case kRelocation32:
        if (absolute > UINT32_MAX)
            return {};
        return absolute;
    case kRelocation32S:
        if (!fits_signed32(static_cast<int64_t>(absolute)))
            return {};
        return absolute;
    default:
        return {};
    }
}

void store_relocation(unsigned char* place, size_t width, uint64_t value)
{
    for (size_t i = 0; i < width; ++i)
        place[i] = static_cast<unsigned char>(value >> (8 * i));
}

} // namespace arch::module
