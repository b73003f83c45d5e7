#include "exec/initial_stack.h"

#include <string.h>

#include "abi-versions/common/auxv.h"
#include "arch/x86_64/cpu/random.h"
#include "arch/x86_64/mm/page_table.h"
#include "exec/user_layout.h"
#include "lib/math.h"
#include "lib/vector.h"

namespace exec {

namespace {
constexpr size_t kMaxStrings = 64 * 1024;
constexpr size_t kMaxPointers = 4096;
} // namespace

klib::ErrorOr<uint64_t> build_initial_stack(mm::AddressSpace& space, klib::Span<const klib::StringView> arguments,
                                            klib::Span<const klib::StringView> environment,
                                            klib::Span<AuxEntry> auxv)
{
    size_t string_bytes = 0;
    for (auto text : arguments)
        string_bytes += text.size() + 1;
    for (auto text : environment)
        string_bytes += text.size() + 1;
    if (string_bytes > kMaxStrings || arguments.size() + environment.size() > kMaxPointers)
        return klib::ErrorCode::ArgumentListTooLong;

    mm::Region stack = mm::Region::make(layout::kStackTop - layout::kStackSize, layout::kStackTop,
                                        mm::kProtRead | mm::kProtWrite, mm::RegionKind::Anonymous, "stack");
    stack.grows_down = true;
    TRY(space.map(stack));

    // Strings and the random bytes go at the very top.
    uint64_t top = layout::kStackTop - 16;
    uint64_t random_address = top - 16;
    uint64_t strings_start = klib::align_down(random_address - string_bytes, 16);
    uint64_t random[2] = { arch::random_u64(), arch::random_u64() };
    TRY(space.write(random_address, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(random), 16)));

    klib::Vector<uint64_t> words;
    size_t word_count = 1 + arguments.size() + 1 + environment.size() + 1 + 2 * auxv.size();
    TRY(words.try_reserve(word_count + 1));
    (void)words.try_append(static_cast<uint64_t>(arguments.size()));
    uint64_t cursor = strings_start;
    auto place = [&](klib::StringView text) -> klib::ErrorOr<uint64_t> {
        uint64_t at = cursor;
        TRY(space.write(at, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(text.data()), text.size())));
        const unsigned char nul = 0;
        TRY(space.write(at + text.size(), klib::ReadonlyBytes(&nul, 1)));
        cursor += text.size() + 1;
        return at;
    };
    for (auto text : arguments)
        (void)words.try_append(TRY(place(text)));
    (void)words.try_append(uint64_t(0));
    for (auto text : environment)
        (void)words.try_append(TRY(place(text)));
    (void)words.try_append(uint64_t(0));
    for (auto& entry : auxv) {
        if (entry.type == BANOS_AT_RANDOM)
            entry.value = random_address;
        (void)words.try_append(entry.type);
        (void)words.try_append(entry.value);
    }
    // The psABI wants rsp 16-byte aligned where argc is.
    uint64_t pointer = klib::align_down(strings_start - words.size() * 8, 16);
    if (pointer < layout::kStackTop - layout::kStackSize + 4096)
        return klib::ErrorCode::ArgumentListTooLong;
    TRY(space.write(pointer, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(words.data()), words.size() * 8)));
    return pointer;
}

} // namespace exec
