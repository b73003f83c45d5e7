#pragma once
// A reader for POSIX ustar archives held in memory (the boot image's file
// tree). open() validates every header once; afterwards iteration and lookup
// only read what was checked. Only the POSIX form ("ustar\0" "00", as made by
// `tar --format=ustar`) is accepted, since GNU's older form reuses the prefix
// field for other data.
#include <stddef.h>
#include <stdint.h>
#include <type_traits>

#include "lib/error_or.h"
#include "lib/optional.h"
#include "lib/span.h"
#include "lib/string_view.h"

namespace fs {

constexpr size_t kUstarBlockSize = 512;

enum class UstarType : uint8_t {
    Regular,   // '0' or '\0'
    Symlink,   // '2'
    Directory, // '5'
};

// One archive member. It borrows data and link target from the archive
// image; the path is copied, because ustar splits it over two fields.
class UstarEntry {
public:
    // prefix + "/" + name, exactly as stored: may start with "./", and
    // directories usually end in "/".
    klib::StringView path() const { return { path_, path_length_ }; }
    UstarType type() const { return type_; }
    uint32_t mode() const { return mode_; } // permission bits (07777)
    uint32_t uid() const { return uid_; }
    uint32_t gid() const { return gid_; }
    uint64_t mtime() const { return mtime_; } // seconds since the epoch
    klib::ReadonlyBytes data() const { return data_; }
    klib::StringView link_target() const { return link_target_; } // symlinks

private:
    friend class UstarArchive;
    static constexpr size_t kMaxPath = 155 + 1 + 100; // prefix "/" name

    char path_[kMaxPath + 1] {};
    size_t path_length_ { 0 };
    UstarType type_ { UstarType::Regular };
    uint32_t mode_ { 0 };
    uint32_t uid_ { 0 };
    uint32_t gid_ { 0 };
    uint64_t mtime_ { 0 };
    klib::ReadonlyBytes data_;
    klib::StringView link_target_;
};

class UstarArchive {
public:
    // Checks every header (magic, checksum, octal fields, names, data
    // bounds, no ".." component) up to two zero blocks or the end of the
    // image. A malformed archive gives Invalid; *why (if given) gets a static
    // one-line reason. The image must outlive the archive and not change.
    static klib::ErrorOr<UstarArchive> open(klib::ReadonlyBytes image, const char** why = nullptr);

    // Calls callback(const UstarEntry&) for each regular file, directory and
    // symlink in archive order (other types are skipped). A callback that
    // returns bool stops the walk by returning false.
    template <typename Callback>
    void for_each(Callback&& callback) const
    {
        uint64_t offset = 0;
        UstarEntry entry;
        for (;;) {
            auto step = decode(image_, offset, entry, nullptr);
            // Cannot fail after open(); should the bytes have changed anyway,
            // stopping is the harmless answer.
            if (step.is_error() || step.value() == Step::End)
                return;
            if (step.value() == Step::Skipped)
                continue;
            if constexpr (std::is_same_v<decltype(callback(entry)), bool>) {
                if (!callback(entry))
                    return;
            } else {
                callback(entry);
            }
        }
    }

    // The entry whose path matches, comparing normalized paths (so "/bin/sh",
    // "bin/sh" and "./bin/sh" all find "./bin/sh", and "/bin" finds "bin/").
    // When a path occurs twice the later entry wins, as when extracting.
    klib::Optional<UstarEntry> find(klib::StringView path) const;

    // Number of entries for_each visits.
    size_t entry_count() const { return entry_count_; }

    // Drops leading "/" and "./" and trailing "/"; the root becomes "".
    static klib::StringView normalize(klib::StringView path);

private:
    enum class Step { Entry, Skipped, End };

    UstarArchive(klib::ReadonlyBytes image, size_t entry_count) : image_(image), entry_count_(entry_count) {}
    // Decodes the header at offset into entry and advances offset past its data.
    static klib::ErrorOr<Step> decode(klib::ReadonlyBytes image, uint64_t& offset, UstarEntry& entry, const char** why);

    klib::ReadonlyBytes image_;
    size_t entry_count_;
};

} // namespace fs
