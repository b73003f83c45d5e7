#pragma once
#include <new>
#include <type_traits>
#include <utility>

#include "lib/assert.h"
#include "lib/error.h"

namespace klib {

// Either a value or an Error. Errors travel as values through the kernel and
// become an error number once, at the system-call boundary.
template <typename T>
class [[nodiscard]] ErrorOr {
    static_assert(!std::is_reference_v<T>, "ErrorOr holds values; use a pointer for borrowed results");

public:
    template <typename U = T>
        requires std::is_constructible_v<T, U&&>
    ErrorOr(U&& value) : has_value_(true)
    {
        new (&value_) T(std::forward<U>(value));
    }
    ErrorOr(Error error) : has_value_(false), error_(error) {}
    ErrorOr(ErrorCode code) : ErrorOr(Error(code)) {}

    ErrorOr(ErrorOr&& other) : has_value_(other.has_value_)
    {
        if (has_value_)
            new (&value_) T(std::move(other.value_));
        else
            new (&error_) Error(other.error_);
    }
    ErrorOr(const ErrorOr&) = delete;
    ErrorOr& operator=(const ErrorOr&) = delete;
    ErrorOr& operator=(ErrorOr&&) = delete;

    ~ErrorOr()
    {
        if (has_value_)
            value_.~T();
    }

    bool is_error() const { return !has_value_; }
    Error error() const
    {
        KASSERT(!has_value_);
        return error_;
    }
    Error release_error() { return error(); }

    T& value()
    {
        KASSERT(has_value_);
        return value_;
    }
    const T& value() const
    {
        KASSERT(has_value_);
        return value_;
    }
    T release_value() { return std::move(value()); }

private:
    bool has_value_;
    union {
        T value_;
        Error error_;
    };
};

template <>
class [[nodiscard]] ErrorOr<void> {
public:
    ErrorOr() = default;
    ErrorOr(Error error) : error_(error), has_error_(true) {}
    ErrorOr(ErrorCode code) : ErrorOr(Error(code)) {}

    bool is_error() const { return has_error_; }
    Error error() const
    {
        KASSERT(has_error_);
        return error_;
    }
    Error release_error() { return error(); }
    void release_value() {}

private:
    Error error_ { ErrorCode::Invalid };
    bool has_error_ { false };
};

} // namespace klib

// Evaluates an ErrorOr expression; returns its error from the enclosing
// function, or yields its value.
#define TRY(expression)                                       \
    ({                                                        \
        auto&& _try_result = (expression);                    \
        if (_try_result.is_error()) [[unlikely]]              \
            return _try_result.release_error();               \
        _try_result.release_value();                          \
    })
