// ld-elf's short name for the ELF64 definitions the whole tree shares.
#pragma once
#include <abi-versions/common/elf64.h>

namespace ldelf {
namespace elf = ::elf64;
} // namespace ldelf
