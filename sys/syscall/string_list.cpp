#include "syscall/string_list.h"

#include "mm/user_memory.h"

namespace sys {

namespace {
constexpr size_t kMaxArguments = 4096;
constexpr size_t kMaxArgumentBytes = 128 * 1024;
} // namespace

klib::ErrorOr<void> copy_string_list(uint64_t user_array, StringList& out)
{
    if (!user_array)
        return {};
    klib::Vector<size_t> offsets;
    for (size_t index = 0;; ++index) {
        if (index == kMaxArguments)
            return klib::ErrorCode::ArgumentListTooLong;
        uint64_t pointer;
        TRY(mm::copy_from_user(&pointer, user_array + index * sizeof(uint64_t), sizeof(pointer)));
        if (!pointer)
            break;
        char buffer[1024];
        size_t start = out.bytes.size();
        // Long strings are copied a chunk at a time.
        for (uint64_t at = pointer;; at += sizeof(buffer) - 1) {
            auto chunk = mm::copy_string_from_user(buffer, sizeof(buffer), at);
            bool complete = !chunk.is_error();
            if (chunk.is_error() && chunk.error().code() != klib::ErrorCode::NameTooLong)
                return chunk.release_error();
            size_t length = complete ? chunk.value().size() : sizeof(buffer) - 1;
            if (out.bytes.size() + length + 1 > kMaxArgumentBytes)
                return klib::ErrorCode::ArgumentListTooLong;
            for (size_t i = 0; i < length; ++i)
                TRY(out.bytes.try_append(buffer[i]));
            if (complete)
                break;
        }
        TRY(out.bytes.try_append('\0'));
        TRY(offsets.try_append(start));
    }
    // Views are made once the buffer stops moving.
    for (size_t i = 0; i < offsets.size(); ++i) {
        size_t end = i + 1 < offsets.size() ? offsets[i + 1] - 1 : out.bytes.size() - 1;
        TRY(out.views.try_append(klib::StringView(out.bytes.data() + offsets[i], end - offsets[i])));
    }
    return {};
}

} // namespace sys
