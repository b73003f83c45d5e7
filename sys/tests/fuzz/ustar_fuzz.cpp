// libFuzzer harness for UstarArchive: open anything, and when an archive is
// accepted, walk it, read every entry and look each one up again.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fs/ustar.h"

namespace {

using fs::UstarArchive;
using fs::UstarEntry;
using fs::UstarType;

#define CHECK(condition)          \
    do {                          \
        if (!(condition))         \
            __builtin_trap();     \
    } while (0)

bool has_dot_dot(klib::StringView path)
{
    size_t start = 0;
    for (size_t i = 0; i <= path.size(); ++i) {
        if (i == path.size() || path[i] == '/') {
            if (path.substring(start, i - start) == "..")
                return true;
            start = i + 1;
        }
    }
    return false;
}

void exercise(const UstarArchive& archive)
{
    volatile unsigned sink = 0;
    size_t count = 0;
    archive.for_each([&](const UstarEntry& entry) {
        ++count;
        CHECK(!entry.path().is_empty());
        CHECK(!has_dot_dot(entry.path()));
        CHECK(entry.mode() <= 07777);
        for (unsigned char b : entry.data())
            sink = sink + b;
        for (char c : entry.link_target())
            sink = sink + c;
        if (entry.type() == UstarType::Symlink)
            CHECK(!entry.link_target().is_empty());
        sink = sink + entry.uid() + entry.gid() + static_cast<unsigned>(entry.mtime());

        // Every entry can be found again, under any spelling of its path.
        auto found = archive.find(entry.path());
        CHECK(found.has_value());
        CHECK(UstarArchive::normalize(found->path()) == UstarArchive::normalize(entry.path()));
    });
    CHECK(count == archive.entry_count());

    size_t stopped = 0;
    archive.for_each([&](const UstarEntry&) { return ++stopped < 2; });
    CHECK(stopped == (count < 2 ? count : 2));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const char* why = nullptr;
    auto result = UstarArchive::open(klib::ReadonlyBytes(data, size), &why);
    if (result.is_error()) {
        CHECK(why != nullptr);
        CHECK(result.error().code() == klib::ErrorCode::Invalid);
    } else {
        exercise(result.value());
    }

    // Lookups with odd spellings built from the input itself.
    if (!result.is_error() && size > 0) {
        size_t length = data[0] % 64;
        if (length < size) {
            klib::StringView path(reinterpret_cast<const char*>(data + 1), length);
            auto found = result.value().find(path);
            if (found)
                CHECK(UstarArchive::normalize(found->path()) == UstarArchive::normalize(path));
        }
    }
    return 0;
}
