// POSIX ustar decoding. Header layout (offsets in the 512-byte block):
//   name 0/100, mode 100/8, uid 108/8, gid 116/8, size 124/12, mtime 136/12,
//   chksum 148/8, typeflag 156, linkname 157/100, magic 257/6, version 263/2,
//   uname 265/32, gname 297/32, devmajor 329/8, devminor 337/8, prefix 345/155.
#include "fs/ustar.h"

#include <string.h>

#include "lib/math.h"

namespace fs {

using klib::ErrorCode;
using klib::ReadonlyBytes;
using klib::StringView;

namespace {

struct Field {
    size_t offset;
    size_t size;
};
constexpr Field kName { 0, 100 };
constexpr Field kMode { 100, 8 };
constexpr Field kUid { 108, 8 };
constexpr Field kGid { 116, 8 };
constexpr Field kSize { 124, 12 };
constexpr Field kMtime { 136, 12 };
constexpr Field kChecksum { 148, 8 };
constexpr size_t kTypeFlag = 156;
constexpr Field kLinkName { 157, 100 };
constexpr Field kMagic { 257, 8 }; // magic and version together
constexpr Field kPrefix { 345, 155 };

klib::Error fail(const char** why, const char* reason)
{
    if (why)
        *why = reason;
    return ErrorCode::Invalid;
}

// A numeric field: optional leading spaces, octal digits, then only NULs or
// spaces. GNU's base-256 form (high bit set) is not ustar and is rejected.
klib::Optional<uint64_t> parse_octal(const unsigned char* header, Field field)
{
    const unsigned char* p = header + field.offset;
    size_t i = 0;
    while (i < field.size && p[i] == ' ')
        ++i;
    uint64_t value = 0;
    size_t digits = 0;
    for (; i < field.size && p[i] >= '0' && p[i] <= '7'; ++i, ++digits)
        if (klib::mul_overflows(value, 8, &value) || klib::add_overflows(value, p[i] - '0', &value))
            return {};
    if (digits == 0)
        return {};
    for (; i < field.size; ++i)
        if (p[i] != ' ' && p[i] != '\0')
            return {};
    return value;
}

// A text field that must end with a NUL inside the field.
klib::Optional<StringView> parse_string(const unsigned char* header, Field field)
{
    auto text = reinterpret_cast<const char*>(header + field.offset);
    for (size_t length = 0; length < field.size; ++length)
        if (text[length] == '\0')
            return StringView(text, length);
    return {};
}

// The POSIX checksum: the unsigned sum of all header bytes, with the
// checksum field itself counted as eight spaces.
uint64_t checksum(const unsigned char* header)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < kUstarBlockSize; ++i)
        sum += (i >= kChecksum.offset && i < kChecksum.offset + kChecksum.size) ? ' ' : header[i];
    return sum;
}

bool is_zero_block(const unsigned char* block, size_t size)
{
    for (size_t i = 0; i < size; ++i)
        if (block[i])
            return false;
    return true;
}

bool has_dot_dot_component(StringView path)
{
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start).value_or(path.size());
        if (path.substring(start, end - start) == "..")
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

klib::ErrorOr<UstarArchive::Step> UstarArchive::decode(ReadonlyBytes image, uint64_t& offset, UstarEntry& entry, const char** why)
{
    if (offset >= image.size())
        return Step::End;
    const unsigned char* header = image.data() + offset;
    uint64_t remaining = image.size() - offset;
    // One zero block marks the end (POSIX writes two; a lone one cannot be
    // a header either, its checksum would be wrong). Padding shorter than a
    // block after the last entry is tolerated if it is zero.
    if (is_zero_block(header, klib::min<uint64_t>(remaining, kUstarBlockSize)))
        return Step::End;
    if (remaining < kUstarBlockSize)
        return fail(why, "ustar: archive ends inside a header");
    if (memcmp(header + kMagic.offset, "ustar\0" "00", kMagic.size) != 0)
        return fail(why, "ustar: header without the POSIX ustar magic");

    auto stored_checksum = parse_octal(header, kChecksum);
    if (!stored_checksum)
        return fail(why, "ustar: checksum field is not octal");
    if (*stored_checksum != checksum(header))
        return fail(why, "ustar: header checksum mismatch");

    auto mode = parse_octal(header, kMode);
    auto uid = parse_octal(header, kUid);
    auto gid = parse_octal(header, kGid);
    auto size = parse_octal(header, kSize);
    auto mtime = parse_octal(header, kMtime);
    if (!mode || !uid || !gid || !size || !mtime)
        return fail(why, "ustar: numeric field is not octal");
    // Eight-byte fields hold at most 7 octal digits, so these fit 32 bits.
    static_assert(kMode.size == 8 && kUid.size == 8 && kGid.size == 8);

    // Data follows the header, padded to whole blocks; the padding of the
    // last entry may be missing at the end of the image.
    uint64_t data_offset = offset + kUstarBlockSize;
    if (*size > image.size() - data_offset)
        return fail(why, "ustar: entry data extends past the end of the archive");

    auto name = parse_string(header, kName);
    auto prefix = parse_string(header, kPrefix);
    auto link = parse_string(header, kLinkName);
    if (!name || !prefix || !link)
        return fail(why, "ustar: name, prefix or link name is not NUL-terminated");
    if (name->is_empty())
        return fail(why, "ustar: entry without a name");

    entry.path_length_ = 0;
    auto append = [&](StringView text) {
        memcpy(entry.path_ + entry.path_length_, text.data(), text.size());
        entry.path_length_ += text.size();
    };
    if (!prefix->is_empty()) {
        append(*prefix);
        append("/");
    }
    append(*name);
    entry.path_[entry.path_length_] = '\0';
    if (has_dot_dot_component(entry.path()))
        return fail(why, "ustar: path contains a \"..\" component");

    offset = data_offset + klib::align_up(*size, kUstarBlockSize);

    switch (header[kTypeFlag]) {
    case '0':
    case '\0':
        entry.type_ = UstarType::Regular;
        break;
    case '2':
        entry.type_ = UstarType::Symlink;
        if (link->is_empty())
            return fail(why, "ustar: symlink without a target");
        break;
    case '5':
        entry.type_ = UstarType::Directory;
        break;
    default:
        // Hard links, devices, FIFOs, pax and GNU extension headers.
        return Step::Skipped;
    }
    entry.mode_ = static_cast<uint32_t>(*mode & 07777);
    entry.uid_ = static_cast<uint32_t>(*uid);
    entry.gid_ = static_cast<uint32_t>(*gid);
    entry.mtime_ = *mtime;
    entry.data_ = image.subspan(data_offset, *size);
    entry.link_target_ = *link;
    return Step::Entry;
}

klib::ErrorOr<UstarArchive> UstarArchive::open(ReadonlyBytes image, const char** why)
{
    uint64_t offset = 0;
    size_t count = 0;
    UstarEntry entry;
    for (;;) {
        Step step = TRY(decode(image, offset, entry, why));
        if (step == Step::End)
            break;
        if (step == Step::Entry)
            ++count;
    }
    return UstarArchive(image, count);
}

StringView UstarArchive::normalize(StringView path)
{
    for (;;) {
        if (path.starts_with("/"))
            path = path.substring(1);
        else if (path.starts_with("./"))
            path = path.substring(2);
        else
            break;
    }
    if (path == ".")
        path = {};
    while (path.ends_with("/"))
        path = path.substring(0, path.size() - 1);
    return path;
}

klib::Optional<UstarEntry> UstarArchive::find(StringView path) const
{
    StringView wanted = normalize(path);
    klib::Optional<UstarEntry> found;
    for_each([&](const UstarEntry& entry) {
        if (normalize(entry.path()) == wanted)
            found = entry;
    });
    return found;
}

} // namespace fs
