#include "arch/x86_64/module/relocation.h"

#include "abi-versions/common/elf64.h"

namespace arch::module {

namespace elf = ::elf64;

namespace {
bool fits_signed32(int64_t value) { return value >= INT32_MIN && value <= INT32_MAX; }
} // namespace

klib::Optional<size_t> relocation_width(uint32_t type)
{
    switch (type) {
    case elf::kRelocation64:
    case elf::kRelocationPc64:
        return size_t(8);
    case elf::kRelocationPc32:
    case elf::kRelocationPlt32:
    case elf::kRelocation32:
    case elf::kRelocation32S:
        return size_t(4);
    default:
        return {};
    }
}

const char* relocation_name(uint32_t type)
{
    switch (type) {
    case elf::kRelocation64:
        return "R_X86_64_64";
    case elf::kRelocationPc32:
        return "R_X86_64_PC32";
    case elf::kRelocationPlt32:
        return "R_X86_64_PLT32";
    case elf::kRelocation32:
        return "R_X86_64_32";
    case elf::kRelocation32S:
        return "R_X86_64_32S";
    case elf::kRelocationPc64:
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
    case elf::kRelocation64: // S + A
        return absolute;
    case elf::kRelocationPc64: // S + A - P
        return relative;
    case elf::kRelocationPc32:
    case elf::kRelocationPlt32: // as PC32: there is no PLT, calls go direct
        if (!fits_signed32(static_cast<int64_t>(relative)))
            return {};
        return relative;
    case elf::kRelocation32: // zero-extended
        if (absolute > UINT32_MAX)
            return {};
        return absolute;
    case elf::kRelocation32S: // sign-extended
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
