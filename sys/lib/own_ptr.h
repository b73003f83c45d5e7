#pragma once
#include <new>
#include <utility>

#include "lib/error_or.h"

namespace klib {

// Sole owner of a heap object.
template <typename T>
class OwnPtr {
public:
    OwnPtr() = default;
    OwnPtr(decltype(nullptr)) {}
    explicit OwnPtr(T* adopted) : ptr_(adopted) {}
    OwnPtr(OwnPtr&& other) : ptr_(other.leak()) {}
    template <typename U>
    OwnPtr(OwnPtr<U>&& other) : ptr_(other.leak()) {}
    OwnPtr& operator=(OwnPtr&& other)
    {
        if (this != &other)
            reset(other.leak());
        return *this;
    }
    OwnPtr(const OwnPtr&) = delete;
    OwnPtr& operator=(const OwnPtr&) = delete;
    ~OwnPtr() { reset(); }

    void reset(T* replacement = nullptr)
    {
        T* old = ptr_;
        ptr_ = replacement;
        delete old;
    }
    [[nodiscard]] T* leak()
    {
        T* p = ptr_;
        ptr_ = nullptr;
        return p;
    }

    T* get() const { return ptr_; }
    T* operator->() const
    {
        KASSERT(ptr_);
        return ptr_;
    }
    T& operator*() const
    {
        KASSERT(ptr_);
        return *ptr_;
    }
    explicit operator bool() const { return ptr_ != nullptr; }

private:
    T* ptr_ { nullptr };
};

// Allocates without throwing; running out of memory is an ordinary error.
template <typename T, typename... Args>
ErrorOr<OwnPtr<T>> try_make(Args&&... args)
{
    T* object = new (std::nothrow) T(std::forward<Args>(args)...);
    if (!object)
        return ErrorCode::NoMemory;
    return OwnPtr<T>(object);
}

} // namespace klib
