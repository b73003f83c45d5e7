// The generated text behind /proc/<pid>/status, /proc/meminfo,
// /proc/uptime and /proc/kmsg.
#include <string.h>

#include "lib/math.h"
#include "lib/ref_ptr.h"
#include "lib/spinlock.h"
#include "lib/vector.h"
#include "vfs/file.h"
#include "vfs/io_buffer.h"
#include "vfs/procfs/nodes.h"

namespace vfs::procfs {

using klib::ErrorCode;
using klib::ErrorOr;

namespace {

// Collects formatted text, up to kMaxTextSize.
class TextSink final : public klib::FormatSink {
public:
    explicit TextSink(klib::Vector<char>& text) : text_(text) {}

    void write(klib::StringView piece) override
    {
        if (failed_)
            return;
        if (piece.size() > kMaxTextSize - text_.size()) {
            failed_ = true;
            return;
        }
        size_t needed = text_.size() + piece.size();
        if (needed > text_.capacity()) {
            size_t grown = klib::max(needed, klib::max<size_t>(256, text_.capacity() * 2));
            if (text_.try_reserve(grown).is_error()) {
                failed_ = true;
                return;
            }
        }
        for (char c : piece)
            (void)text_.try_append(c); // capacity is reserved: cannot fail
    }
    bool failed() const { return failed_; }

private:
    klib::Vector<char>& text_;
    bool failed_ { false };
};

// One generation of a file's text; immutable once made, so readers copy
// from it without holding a lock.
struct Text : klib::RefCounted<Text> {
    klib::Vector<char> bytes;
};

class TextFile final : public File {
public:
    TextFile(TextKind kind, uint32_t pid) : kind_(kind), pid_(pid) {}

    ErrorOr<size_t> read(FileDescription&, uint64_t offset, IoBuffer& buffer, size_t count) override
    {
        klib::RefPtr<Text> text;
        {
            klib::SpinlockGuard guard(lock_);
            text = current_;
        }
        if (offset == 0 || !text) {
            text = TRY(generate());
            klib::SpinlockGuard guard(lock_);
            current_ = text;
        }
        const auto& bytes = text->bytes;
        if (offset >= bytes.size())
            return 0;
        size_t n = static_cast<size_t>(klib::min<uint64_t>(count, bytes.size() - offset));
        TRY(buffer.write_to(0, klib::ReadonlyBytes(reinterpret_cast<const unsigned char*>(bytes.data()) + offset, n)));
        return n;
    }

    ErrorOr<size_t> write(FileDescription&, uint64_t, IoBuffer&, size_t) override { return ErrorCode::BadDescriptor; }
    bool is_seekable() const override { return true; }

private:
    ErrorOr<klib::RefPtr<Text>> generate()
    {
        Provider* p = provider();
        if (!p)
            return ErrorCode::NoEntry;
        auto text = TRY(klib::try_make_ref<Text>());
        TextSink sink(text->bytes);
        switch (kind_) {
        case TextKind::Status:
            TRY(p->write_status(pid_, sink));
            break;
        case TextKind::Meminfo:
            p->write_meminfo(sink);
            break;
        case TextKind::Uptime:
            p->write_uptime(sink);
            break;
        case TextKind::Kmsg:
            p->write_kernel_log(sink);
            break;
        case TextKind::CommandLine:
            p->write_command_line(sink);
            break;
        case TextKind::Modules:
            p->write_modules(sink);
            break;
        }
        if (sink.failed())
            return ErrorCode::NoMemory;
        return text;
    }

    TextKind kind_;
    uint32_t pid_;
    klib::Spinlock lock_;
    klib::RefPtr<Text> current_;
};

} // namespace

TextNode::TextNode(klib::RefPtr<FileSystem> fs, uint64_t ino, TextKind kind, uint32_t pid)
    : Inode(std::move(fs), ino, BANOS_S_IFREG | 0444, Owner {})
    , kind_(kind)
    , pid_(pid)
{
}

ErrorOr<klib::OwnPtr<File>> TextNode::open(uint32_t flags)
{
    if ((flags & BANOS_O_ACCMODE) != BANOS_O_RDONLY || (flags & BANOS_O_TRUNC))
        return ErrorCode::AccessDenied;
    auto file = TRY(klib::try_make<TextFile>(kind_, pid_));
    return klib::OwnPtr<File>(std::move(file));
}

} // namespace vfs::procfs
