#pragma once
#include <new>
#include <utility>

#include "lib/assert.h"

namespace klib {

struct NulloptTag {};
inline constexpr NulloptTag nullopt {};

// A value that may be absent. Own version because the standard one throws.
template <typename T>
class Optional {
public:
    Optional() = default;
    Optional(NulloptTag) {}
    Optional(const T& value) : has_value_(true) { new (&storage_) T(value); }
    Optional(T&& value) : has_value_(true) { new (&storage_) T(std::move(value)); }
    Optional(const Optional& other) : has_value_(other.has_value_)
    {
        if (has_value_)
            new (&storage_) T(other.value());
    }
    Optional(Optional&& other) : has_value_(other.has_value_)
    {
        if (has_value_)
            new (&storage_) T(std::move(other.value()));
        other.reset();
    }
    Optional& operator=(const Optional& other)
    {
        if (this != &other) {
            reset();
            if (other.has_value_) {
                new (&storage_) T(other.value());
                has_value_ = true;
            }
        }
        return *this;
    }
    Optional& operator=(Optional&& other)
    {
        if (this != &other) {
            reset();
            if (other.has_value_) {
                new (&storage_) T(std::move(other.value()));
                has_value_ = true;
                other.reset();
            }
        }
        return *this;
    }
    ~Optional() { reset(); }

    void reset()
    {
        if (has_value_) {
            value().~T();
            has_value_ = false;
        }
    }

    bool has_value() const { return has_value_; }
    explicit operator bool() const { return has_value_; }

    T& value()
    {
        KASSERT(has_value_);
        return *std::launder(reinterpret_cast<T*>(&storage_));
    }
    const T& value() const
    {
        KASSERT(has_value_);
        return *std::launder(reinterpret_cast<const T*>(&storage_));
    }
    T value_or(T fallback) const { return has_value_ ? value() : fallback; }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

private:
    alignas(T) unsigned char storage_[sizeof(T)];
    bool has_value_ { false };
};

} // namespace klib
