#pragma once
// An owned copy of a file name (or symlink target): directories keep one per
// entry. Move-only; creation can fail for lack of memory.
#include <stddef.h>

#include "lib/error_or.h"
#include "lib/string_view.h"

namespace vfs {

class Name {
public:
    static klib::ErrorOr<Name> create(klib::StringView text);

    Name() = default;
    Name(Name&& other) : data_(other.data_), size_(other.size_)
    {
        other.data_ = nullptr;
        other.size_ = 0;
    }
    Name& operator=(Name&& other);
    Name(const Name&) = delete;
    Name& operator=(const Name&) = delete;
    ~Name() { delete[] data_; }

    klib::StringView view() const { return { data_ ? data_ : "", size_ }; }
    size_t size() const { return size_; }

private:
    char* data_ { nullptr }; // NUL-terminated, for debugging convenience
    size_t size_ { 0 };
};

} // namespace vfs
