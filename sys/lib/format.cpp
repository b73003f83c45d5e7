#include "lib/format.h"

#include "lib/error.h"

namespace klib {

namespace {

void write_repeated(FormatSink& sink, char c, size_t count)
{
    char chunk[32];
    for (auto& ch : chunk)
        ch = c;
    while (count) {
        size_t n = count < sizeof(chunk) ? count : sizeof(chunk);
        sink.write(StringView(chunk, n));
        count -= n;
    }
}

// Digits are produced into the tail of a local buffer, then padded.
void format_unsigned(FormatSink& sink, uint64_t value, bool negative, const FormatSpec& spec)
{
    unsigned base = 10;
    const char* digits = "0123456789abcdef";
    const char* prefix = "";
    switch (spec.type) {
    case 'x':
        base = 16;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        digits = "0123456789ABCDEF";
        prefix = "0X";
        break;
    case 'o':
        base = 8;
        prefix = "0";
        break;
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    default:
        break;
    }
    char buffer[72];
    size_t pos = sizeof(buffer);
    do {
        buffer[--pos] = digits[value % base];
        value /= base;
    } while (value);

    StringView sign = negative ? StringView("-") : StringView();
    StringView alt = spec.alternate ? StringView(prefix) : StringView();
    StringView body(buffer + pos, sizeof(buffer) - pos);
    size_t length = sign.size() + alt.size() + body.size();

    if (spec.fill == '0' && spec.align == 0) {
        // Zero padding goes between the sign/prefix and the digits.
        sink.write(sign);
        sink.write(alt);
        if (spec.width > length)
            write_repeated(sink, '0', spec.width - length);
        sink.write(body);
        return;
    }
    char joined[80];
    size_t n = 0;
    for (char c : sign)
        joined[n++] = c;
    for (char c : alt)
        joined[n++] = c;
    for (char c : body)
        joined[n++] = c;
    format_padded(sink, StringView(joined, n), spec, '>');
}

bool parse_spec(StringView text, FormatSpec& spec)
{
    size_t i = 0;
    auto is_align = [](char c) { return c == '<' || c == '>' || c == '^'; };
    if (text.size() >= 2 && is_align(text[1])) {
        spec.fill = text[0];
        spec.align = text[1];
        i = 2;
    } else if (text.size() >= 1 && is_align(text[0])) {
        spec.align = text[0];
        i = 1;
    }
    if (i < text.size() && text[i] == '#') {
        spec.alternate = true;
        ++i;
    }
    if (i < text.size() && text[i] == '0' && spec.align == 0) {
        spec.fill = '0';
        ++i;
    }
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        spec.width = spec.width * 10 + (text[i] - '0');
        if (spec.width > 256)
            return false;
        ++i;
    }
    if (i < text.size())
        spec.type = text[i++];
    return i == text.size();
}

void format_arg(FormatSink& sink, const FormatArg& arg, const FormatSpec& spec)
{
    switch (arg.kind) {
    case FormatArg::Kind::Signed: {
        if (spec.type == 'c') {
            char c = static_cast<char>(arg.signed_value);
            format_padded(sink, StringView(&c, 1), spec, '<');
            return;
        }
        bool negative = arg.signed_value < 0;
        uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(arg.signed_value) : arg.signed_value;
        format_unsigned(sink, magnitude, negative, spec);
        return;
    }
    case FormatArg::Kind::Unsigned:
        if (spec.type == 'c') {
            char c = static_cast<char>(arg.unsigned_value);
            format_padded(sink, StringView(&c, 1), spec, '<');
            return;
        }
        format_unsigned(sink, arg.unsigned_value, false, spec);
        return;
    case FormatArg::Kind::Pointer: {
        FormatSpec pointer_spec = spec;
        pointer_spec.type = 'x';
        pointer_spec.alternate = true;
        if (spec.width == 0 && spec.align == 0) {
            pointer_spec.fill = '0';
            pointer_spec.width = 18;
        }
        format_unsigned(sink, reinterpret_cast<uintptr_t>(arg.pointer), false, pointer_spec);
        return;
    }
    case FormatArg::Kind::String:
        format_padded(sink, arg.string, spec, '<');
        return;
    case FormatArg::Kind::Char:
        if (spec.type && spec.type != 'c') {
            format_unsigned(sink, static_cast<unsigned char>(arg.character), false, spec);
            return;
        }
        format_padded(sink, StringView(&arg.character, 1), spec, '<');
        return;
    case FormatArg::Kind::Bool:
        format_padded(sink, arg.boolean ? "true" : "false", spec, '<');
        return;
    case FormatArg::Kind::Custom:
        arg.custom.format(sink, arg.custom.object, spec);
        return;
    }
}

} // namespace

void format_padded(FormatSink& sink, StringView text, const FormatSpec& spec, char default_align)
{
    size_t padding = spec.width > text.size() ? spec.width - text.size() : 0;
    char align = spec.align ? spec.align : default_align;
    char fill = spec.fill;
    size_t before = align == '>' ? padding : align == '^' ? padding / 2 : 0;
    write_repeated(sink, fill, before);
    sink.write(text);
    write_repeated(sink, fill, padding - before);
}

void vformat(FormatSink& sink, StringView format, Span<const FormatArg> args)
{
    size_t next_arg = 0;
    size_t literal_start = 0;
    size_t i = 0;
    auto flush_literal = [&](size_t end) {
        if (end > literal_start)
            sink.write(format.substring(literal_start, end - literal_start));
    };
    while (i < format.size()) {
        char c = format[i];
        if (c == '}' && i + 1 < format.size() && format[i + 1] == '}') {
            flush_literal(i + 1);
            i += 2;
            literal_start = i;
            continue;
        }
        if (c != '{') {
            ++i;
            continue;
        }
        if (i + 1 < format.size() && format[i + 1] == '{') {
            flush_literal(i + 1);
            i += 2;
            literal_start = i;
            continue;
        }
        flush_literal(i);
        auto close = format.find('}', i);
        if (!close) {
            sink.write("{?unterminated}");
            return;
        }
        StringView inside = format.substring(i + 1, *close - i - 1);
        FormatSpec spec;
        bool spec_ok = true;
        if (!inside.is_empty()) {
            if (inside[0] != ':')
                spec_ok = false;
            else
                spec_ok = parse_spec(inside.substring(1), spec);
        }
        if (next_arg >= args.size())
            sink.write("{?missing}");
        else if (!spec_ok) {
            sink.write("{?spec}");
            ++next_arg; // the argument is used up all the same
        } else
            format_arg(sink, args[next_arg++], spec);
        i = *close + 1;
        literal_start = i;
    }
    flush_literal(format.size());
}

void BufferSink::write(StringView text)
{
    if (capacity_ == 0) {
        truncated_ = truncated_ || !text.is_empty();
        return;
    }
    for (char c : text) {
        if (length_ + 1 >= capacity_) {
            truncated_ = true;
            break;
        }
        buffer_[length_++] = c;
    }
    buffer_[length_] = '\0';
}

void Formatter<Error>::format(FormatSink& sink, const Error& error, const FormatSpec& spec)
{
    format_padded(sink, error.description(), spec, '<');
}

} // namespace klib
