#include "mm/user_memory.h"

#include <string.h>

#include "arch/x86_64/cpu/fault_catch.h"
#include "arch/x86_64/mm/layout.h"

namespace mm {

bool is_user_range(uint64_t start, size_t size)
{
    uint64_t end;
    return !__builtin_add_overflow(start, size, &end) && end <= arch::layout::kUserTop;
}

klib::ErrorOr<void> copy_from_user(void* destination, uint64_t user_source, size_t size)
{
    if (!is_user_range(user_source, size))
        return klib::ErrorCode::Fault;
    if (arch::catch_fault([&] { memcpy(destination, reinterpret_cast<const void*>(user_source), size); }))
        return klib::ErrorCode::Fault;
    return {};
}

klib::ErrorOr<void> copy_to_user(uint64_t user_destination, const void* source, size_t size)
{
    if (!is_user_range(user_destination, size))
        return klib::ErrorCode::Fault;
    if (arch::catch_fault([&] { memcpy(reinterpret_cast<void*>(user_destination), source, size); }))
        return klib::ErrorCode::Fault;
    return {};
}

klib::ErrorOr<klib::StringView> copy_string_from_user(char* buffer, size_t capacity, uint64_t user_source)
{
    size_t length = 0;
    bool terminated = false;
    auto fault = arch::catch_fault([&] {
        for (; length < capacity; ++length) {
            uint64_t address = user_source + length;
            if (address >= arch::layout::kUserTop)
                break;
            buffer[length] = *reinterpret_cast<const volatile char*>(address);
            if (buffer[length] == '\0') {
                terminated = true;
                break;
            }
        }
    });
    if (fault || (!terminated && user_source + length >= arch::layout::kUserTop))
        return klib::ErrorCode::Fault;
    if (!terminated)
        return klib::ErrorCode::NameTooLong;
    return klib::StringView(buffer, length);
}

} // namespace mm
