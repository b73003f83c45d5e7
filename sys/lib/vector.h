#pragma once
#include <stddef.h>
#include <new>
#include <type_traits>
#include <utility>

#include "lib/error_or.h"
#include "lib/span.h"

namespace klib {

// Whether a T may be moved to another address by copying its bytes (and not
// destroying the original): true of trivially copyable types, and of a
// class that says so with a member `using TriviallyRelocatable = void;`
// (it holds no pointer into itself and nothing points at it). Vector then
// shifts and grows with memmove instead of one move per element: an
// address space inserts into its region list on every mmap.
template <typename T, typename = void>
struct IsTriviallyRelocatable : std::is_trivially_copyable<T> {};
template <typename T>
struct IsTriviallyRelocatable<T, std::void_t<typename T::TriviallyRelocatable>> : std::true_type {};

// A growable array whose growth can fail: every operation that allocates
// returns ErrorOr and leaves the vector unchanged on failure.
template <typename T>
class Vector {
public:
    Vector() = default;
    Vector(Vector&& other) : data_(other.data_), size_(other.size_), capacity_(other.capacity_)
    {
        other.data_ = nullptr;
        other.size_ = other.capacity_ = 0;
    }
    Vector& operator=(Vector&& other)
    {
        if (this != &other) {
            clear_and_free();
            data_ = other.data_;
            size_ = other.size_;
            capacity_ = other.capacity_;
            other.data_ = nullptr;
            other.size_ = other.capacity_ = 0;
        }
        return *this;
    }
    Vector(const Vector&) = delete;
    Vector& operator=(const Vector&) = delete;
    ~Vector() { clear_and_free(); }

    size_t size() const { return size_; }
    size_t capacity() const { return capacity_; }
    bool is_empty() const { return size_ == 0; }
    T* data() { return data_; }
    const T* data() const { return data_; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    Span<T> span() { return { data_, size_ }; }
    Span<const T> span() const { return { data_, size_ }; }

    T& operator[](size_t i)
    {
        KASSERT(i < size_);
        return data_[i];
    }
    const T& operator[](size_t i) const
    {
        KASSERT(i < size_);
        return data_[i];
    }
    T& last() { return (*this)[size_ - 1]; }

    ErrorOr<void> try_reserve(size_t wanted)
    {
        if (wanted <= capacity_)
            return {};
        if (wanted > SIZE_MAX / sizeof(T))
            return ErrorCode::NoMemory;
        T* fresh = static_cast<T*>(::operator new(wanted * sizeof(T), std::align_val_t(alignof(T)), std::nothrow));
        if (!fresh)
            return ErrorCode::NoMemory;
        if constexpr (IsTriviallyRelocatable<T>::value) {
            if (size_)
                __builtin_memcpy(static_cast<void*>(fresh), static_cast<const void*>(data_), size_ * sizeof(T));
        } else {
            for (size_t i = 0; i < size_; ++i) {
                new (&fresh[i]) T(std::move(data_[i]));
                data_[i].~T();
            }
        }
        if (data_)
            ::operator delete(data_, std::align_val_t(alignof(T)));
        data_ = fresh;
        capacity_ = wanted;
        return {};
    }

    // Grows to `wanted` elements, the new ones value-initialized, in one
    // allocation.
    ErrorOr<void> try_resize(size_t wanted)
    {
        TRY(try_reserve(wanted));
        if (size_ >= wanted)
            return {};
        if constexpr (std::is_trivially_default_constructible_v<T>) {
            // One memset rather than an element loop (exec reads whole programs).
            __builtin_memset(static_cast<void*>(data_ + size_), 0, (wanted - size_) * sizeof(T));
            size_ = wanted;
        }
        for (; size_ < wanted; ++size_)
            new (&data_[size_]) T();
        return {};
    }

    template <typename U>
    ErrorOr<void> try_append(U&& value)
    {
        if (size_ == capacity_) {
            // `value` may be one of our own elements, which growing frees.
            T copy(std::forward<U>(value));
            TRY(try_reserve(capacity_ ? capacity_ * 2 : 4));
            new (&data_[size_]) T(std::move(copy));
        } else {
            new (&data_[size_]) T(std::forward<U>(value));
        }
        ++size_;
        return {};
    }

    ErrorOr<void> try_insert(size_t index, T value)
    {
        KASSERT(index <= size_);
        if (size_ == capacity_)
            TRY(try_reserve(capacity_ ? capacity_ * 2 : 4));
        if constexpr (IsTriviallyRelocatable<T>::value) {
            __builtin_memmove(static_cast<void*>(data_ + index + 1), static_cast<const void*>(data_ + index),
                              (size_ - index) * sizeof(T));
            new (&data_[index]) T(std::move(value));
        } else {
            new (&data_[size_]) T(std::move(value));
            for (size_t i = size_; i > index; --i)
                std::swap(data_[i], data_[i - 1]);
        }
        ++size_;
        return {};
    }

    void remove(size_t index) { remove_range(index, 1); }

    // Removes the `count` elements from `index` on, keeping the order.
    void remove_range(size_t index, size_t count)
    {
        KASSERT(index <= size_ && count <= size_ - index);
        if (count == 0)
            return;
        if constexpr (IsTriviallyRelocatable<T>::value) {
            for (size_t i = index; i < index + count; ++i)
                data_[i].~T();
            __builtin_memmove(static_cast<void*>(data_ + index), static_cast<const void*>(data_ + index + count),
                              (size_ - index - count) * sizeof(T));
            size_ -= count;
        } else {
            for (size_t i = index; i + count < size_; ++i)
                data_[i] = std::move(data_[i + count]);
            while (count--)
                data_[--size_].~T();
        }
    }

    T take_last()
    {
        KASSERT(size_ > 0);
        T value = std::move(data_[size_ - 1]);
        data_[--size_].~T();
        return value;
    }

    void clear()
    {
        for (size_t i = 0; i < size_; ++i)
            data_[i].~T();
        size_ = 0;
    }

private:
    void clear_and_free()
    {
        clear();
        if (data_)
            ::operator delete(data_, std::align_val_t(alignof(T)));
        data_ = nullptr;
        capacity_ = 0;
    }

    T* data_ { nullptr };
    size_t size_ { 0 };
    size_t capacity_ { 0 };
};

} // namespace klib
