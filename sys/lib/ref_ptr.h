#pragma once
#include <stdint.h>
#include <new>
#include <utility>

#include "lib/error_or.h"

namespace klib {

// Intrusive, thread-safe reference count. The object deletes itself when the
// last reference goes.
template <typename T>
class RefCounted {
public:
    RefCounted() = default;
    RefCounted(const RefCounted&) = delete;
    RefCounted& operator=(const RefCounted&) = delete;

    void ref() const { __atomic_add_fetch(&count_, 1, __ATOMIC_RELAXED); }
    void unref() const
    {
        if (__atomic_sub_fetch(&count_, 1, __ATOMIC_ACQ_REL) == 0)
            delete static_cast<const T*>(this);
    }
    uint32_t ref_count() const { return __atomic_load_n(&count_, __ATOMIC_RELAXED); }

protected:
    ~RefCounted() = default;

private:
    mutable uint32_t count_ { 1 };
};

template <typename T>
class RefPtr {
public:
    enum AdoptTag { Adopt };

    RefPtr() = default;
    RefPtr(decltype(nullptr)) {}
    RefPtr(T* object) : ptr_(object)
    {
        if (ptr_)
            ptr_->ref();
    }
    RefPtr(AdoptTag, T* object) : ptr_(object) {}
    RefPtr(const RefPtr& other) : RefPtr(other.ptr_) {}
    RefPtr(RefPtr&& other) : ptr_(other.ptr_) { other.ptr_ = nullptr; }
    template <typename U>
    RefPtr(RefPtr<U>&& other) : ptr_(other.leak_ref()) {}
    RefPtr& operator=(RefPtr other)
    {
        std::swap(ptr_, other.ptr_);
        return *this;
    }
    ~RefPtr()
    {
        if (ptr_)
            ptr_->unref();
    }

    [[nodiscard]] T* leak_ref()
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
    bool operator==(const RefPtr& other) const { return ptr_ == other.ptr_; }

private:
    T* ptr_ { nullptr };
};

template <typename T, typename... Args>
ErrorOr<RefPtr<T>> try_make_ref(Args&&... args)
{
    T* object = new (std::nothrow) T(std::forward<Args>(args)...);
    if (!object)
        return ErrorCode::NoMemory;
    return RefPtr<T>(RefPtr<T>::Adopt, object);
}

} // namespace klib
