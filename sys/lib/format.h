#pragma once
#include <stddef.h>
#include <stdint.h>
#include <type_traits>

#include "lib/span.h"
#include "lib/string_view.h"

// Type-safe formatting with {} placeholders:
//   {}  {:x}  {:#x}  {:016x}  {:>8}  {:<8}  {:^8}  {:b}  {:o}  {:c}
namespace klib {

class FormatSink {
public:
    virtual void write(StringView text) = 0;
    void put(char c) { write(StringView(&c, 1)); }

protected:
    ~FormatSink() = default;
};

struct FormatSpec {
    char fill { ' ' };
    char align { 0 }; // '<', '>', '^' or 0 for the type's default
    bool alternate { false };
    unsigned width { 0 };
    char type { 0 };
};

struct FormatArg {
    enum class Kind : uint8_t { Signed, Unsigned, Pointer, String, Char, Bool, Custom };
    using CustomFormatter = void (*)(FormatSink&, const void*, const FormatSpec&);

    Kind kind;
    union {
        int64_t signed_value;
        uint64_t unsigned_value;
        const void* pointer;
        StringView string;
        char character;
        bool boolean;
        struct {
            const void* object;
            CustomFormatter format;
        } custom;
    };
};

// Specialise Formatter<T> with a static `void format(FormatSink&, const T&,
// const FormatSpec&)` to make a type printable.
template <typename T>
struct Formatter;

void vformat(FormatSink& sink, StringView format, Span<const FormatArg> args);
// Writes text padded as the spec asks.
void format_padded(FormatSink& sink, StringView text, const FormatSpec& spec, char default_align);

namespace detail {

template <typename T>
FormatArg make_arg(const T& value)
{
    FormatArg arg {};
    using U = std::remove_cvref_t<T>;
    if constexpr (std::is_same_v<U, bool>) {
        arg.kind = FormatArg::Kind::Bool;
        arg.boolean = value;
    } else if constexpr (std::is_same_v<U, char>) {
        arg.kind = FormatArg::Kind::Char;
        arg.character = value;
    } else if constexpr (std::is_enum_v<U> && requires { Formatter<U>::format; }) {
        arg.kind = FormatArg::Kind::Custom;
        arg.custom.object = &value;
        arg.custom.format = [](FormatSink& sink, const void* object, const FormatSpec& spec) {
            Formatter<U>::format(sink, *static_cast<const U*>(object), spec);
        };
    } else if constexpr (std::is_enum_v<U>) {
        return make_arg(static_cast<std::underlying_type_t<U>>(value));
    } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
        arg.kind = FormatArg::Kind::Signed;
        arg.signed_value = value;
    } else if constexpr (std::is_integral_v<U>) {
        arg.kind = FormatArg::Kind::Unsigned;
        arg.unsigned_value = value;
    } else if constexpr (std::is_same_v<U, StringView>) {
        arg.kind = FormatArg::Kind::String;
        arg.string = value;
    } else if constexpr (std::is_same_v<U, const char*> || std::is_same_v<U, char*>) {
        arg.kind = FormatArg::Kind::String;
        arg.string = value ? StringView(value) : StringView("(null)");
    } else if constexpr (std::is_array_v<U> && std::is_same_v<std::remove_cv_t<std::remove_extent_t<U>>, char>) {
        arg.kind = FormatArg::Kind::String;
        arg.string = StringView(value);
    } else if constexpr (std::is_null_pointer_v<U>) {
        arg.kind = FormatArg::Kind::Pointer;
        arg.pointer = nullptr;
    } else if constexpr (std::is_pointer_v<U>) {
        arg.kind = FormatArg::Kind::Pointer;
        arg.pointer = reinterpret_cast<const void*>(value);
    } else {
        arg.kind = FormatArg::Kind::Custom;
        arg.custom.object = &value;
        arg.custom.format = [](FormatSink& sink, const void* object, const FormatSpec& spec) {
            Formatter<U>::format(sink, *static_cast<const U*>(object), spec);
        };
    }
    return arg;
}

} // namespace detail

template <typename... Args>
void format_to(FormatSink& sink, StringView format, const Args&... args)
{
    if constexpr (sizeof...(Args) == 0) {
        vformat(sink, format, {});
    } else {
        const FormatArg array[] = { detail::make_arg(args)... };
        vformat(sink, format, Span<const FormatArg>(array, sizeof...(Args)));
    }
}

// Formats into a caller's buffer, truncating, always NUL-terminated.
class BufferSink final : public FormatSink {
public:
    BufferSink(char* buffer, size_t capacity) : buffer_(buffer), capacity_(capacity)
    {
        if (capacity_)
            buffer_[0] = '\0';
    }
    void write(StringView text) override;
    size_t length() const { return length_; }
    bool truncated() const { return truncated_; }
    StringView view() const { return { buffer_, length_ }; }

private:
    char* buffer_;
    size_t capacity_;
    size_t length_ { 0 };
    bool truncated_ { false };
};

template <size_t Capacity>
class FixedString {
public:
    template <typename... Args>
    static FixedString formatted(StringView format, const Args&... args)
    {
        FixedString s;
        BufferSink sink(s.buffer_, Capacity);
        format_to(sink, format, args...);
        s.length_ = sink.length();
        return s;
    }
    const char* c_str() const { return buffer_; }
    StringView view() const { return { buffer_, length_ }; }

private:
    char buffer_[Capacity] {};
    size_t length_ { 0 };
};

template <>
struct Formatter<class Error> {
    static void format(FormatSink& sink, const Error& error, const FormatSpec& spec);
};

} // namespace klib
