#include "vfs/name.h"

#include <string.h>
#include <new>

namespace vfs {

klib::ErrorOr<Name> Name::create(klib::StringView text)
{
    Name name;
    name.data_ = new (std::nothrow) char[text.size() + 1];
    if (!name.data_)
        return klib::ErrorCode::NoMemory;
    if (text.size())
        memcpy(name.data_, text.data(), text.size());
    name.data_[text.size()] = '\0';
    name.size_ = text.size();
    return name;
}

Name& Name::operator=(Name&& other)
{
    if (this != &other) {
        delete[] data_;
        data_ = other.data_;
        size_ = other.size_;
        other.data_ = nullptr;
        other.size_ = 0;
    }
    return *this;
}

} // namespace vfs
