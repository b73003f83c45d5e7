#include "vfs/procfs/nodes.h"

#include "lib/vector.h"

namespace vfs::procfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

namespace {

Provider* g_provider = nullptr;

constexpr uint64_t kPidCursorBase = 16;

struct FixedEntry {
    const char* name;
    uint64_t ino;
    uint8_t type;
};
constexpr FixedEntry kFixed[] = {
    { "meminfo", kMeminfoIno, BANOS_DT_REG },
    { "uptime", kUptimeIno, BANOS_DT_REG },
    { "kmsg", kKmsgIno, BANOS_DT_REG },
    { "cmdline", kCommandLineIno, BANOS_DT_REG },
    { "modules", kModulesIno, BANOS_DT_REG },
    { "self", kSelfIno, BANOS_DT_LNK },
};
constexpr uint64_t kFixedCount = sizeof(kFixed) / sizeof(kFixed[0]);
static_assert(kFirstEntryCursor + kFixedCount <= kPidCursorBase);

// A pid written in decimal without leading zeros.
klib::Optional<uint32_t> parse_pid(StringView name)
{
    if (name.is_empty() || name.size() > 10 || (name.size() > 1 && name[0] == '0'))
        return {};
    uint64_t value = 0;
    for (char c : name) {
        if (c < '0' || c > '9')
            return {};
        value = value * 10 + static_cast<uint64_t>(c - '0');
    }
    if (value > 0xffffffffull)
        return {};
    return static_cast<uint32_t>(value);
}

class PidCollector final : public PidSink {
public:
    explicit PidCollector(uint32_t minimum) : minimum_(minimum) {}
    void add(uint32_t pid) override
    {
        if (pid < minimum_ || failed_)
            return;
        if (pids_.try_append(pid).is_error())
            failed_ = true;
    }
    bool failed() const { return failed_; }
    klib::Vector<uint32_t>& pids() { return pids_; }

private:
    uint32_t minimum_;
    klib::Vector<uint32_t> pids_;
    bool failed_ { false };
};

void sort(klib::Vector<uint32_t>& values)
{
    for (size_t i = 1; i < values.size(); ++i) {
        uint32_t value = values[i];
        size_t j = i;
        for (; j > 0 && values[j - 1] > value; --j)
            values[j] = values[j - 1];
        values[j] = value;
    }
}

// Formats n in decimal into buffer (at least 10 bytes); returns the length.
size_t decimal(uint32_t n, char* buffer)
{
    char digits[10];
    size_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + n % 10);
        n /= 10;
    } while (n);
    for (size_t i = 0; i < count; ++i)
        buffer[i] = digits[count - 1 - i];
    return count;
}

} // namespace

Provider* provider() { return __atomic_load_n(&g_provider, __ATOMIC_ACQUIRE); }
void set_provider(Provider* p) { __atomic_store_n(&g_provider, p, __ATOMIC_RELEASE); }

ErrorOr<RefPtr<Inode>> create()
{
    auto fs = TRY(klib::try_make_ref<ProcfsFileSystem>());
    auto root = TRY(klib::try_make_ref<RootDirectory>(RefPtr<FileSystem>(std::move(fs))));
    return RefPtr<Inode>(std::move(root));
}

// --- /proc/self

SelfLink::SelfLink(RefPtr<FileSystem> fs) : Inode(std::move(fs), kSelfIno, BANOS_S_IFLNK | 0777, Owner {}) {}

uint64_t SelfLink::size() const
{
    Provider* p = provider();
    if (!p)
        return 0;
    char text[10];
    return decimal(p->self_pid(), text);
}

ErrorOr<size_t> SelfLink::read_link(char* buffer, size_t capacity)
{
    Provider* p = provider();
    if (!p)
        return ErrorCode::NoEntry;
    char text[10];
    size_t length = decimal(p->self_pid(), text);
    if (length > capacity)
        length = capacity;
    for (size_t i = 0; i < length; ++i)
        buffer[i] = text[i];
    return length;
}

// --- /proc/<pid>

PidDirectory::PidDirectory(RefPtr<Inode> root, uint32_t pid)
    : Inode(RefPtr<FileSystem>(&root->file_system()), pid_ino(pid, kPidDirectoryKind), BANOS_S_IFDIR | 0555, Owner {})
    , root_(std::move(root))
    , pid_(pid)
{
    set_link_count(2);
}

ErrorOr<RefPtr<Inode>> PidDirectory::lookup(StringView name)
{
    if (name == ".")
        return RefPtr<Inode>(this);
    if (name == "..")
        return root_;
    Provider* p = provider();
    if (!p || !p->pid_exists(pid_))
        return ErrorCode::NoEntry;
    if (name == "status") {
        auto node = TRY(klib::try_make_ref<TextNode>(RefPtr<FileSystem>(&file_system()),
                                                     pid_ino(pid_, kPidStatusKind), TextKind::Status, pid_));
        return RefPtr<Inode>(std::move(node));
    }
    return ErrorCode::NoEntry;
}

ErrorOr<void> PidDirectory::read_directory(uint64_t cursor, DirectoryVisitor& visitor)
{
    Provider* p = provider();
    if (!p || !p->pid_exists(pid_))
        return {};
    if (cursor <= kDotCursor && !visitor.visit({ ".", ino(), BANOS_DT_DIR, kDotDotCursor }))
        return {};
    if (cursor <= kDotDotCursor && !visitor.visit({ "..", root_->ino(), BANOS_DT_DIR, kFirstEntryCursor }))
        return {};
    if (cursor <= kFirstEntryCursor)
        visitor.visit({ "status", pid_ino(pid_, kPidStatusKind), BANOS_DT_REG, kFirstEntryCursor + 1 });
    return {};
}

// --- /proc

RootDirectory::RootDirectory(RefPtr<FileSystem> fs) : Inode(std::move(fs), kRootIno, BANOS_S_IFDIR | 0555, Owner {})
{
    set_link_count(2);
}

ErrorOr<RefPtr<Inode>> RootDirectory::lookup(StringView name)
{
    if (name == "." || name == "..")
        return RefPtr<Inode>(this);
    RefPtr<FileSystem> fs(&file_system());
    if (name == "meminfo")
        return RefPtr<Inode>(TRY(klib::try_make_ref<TextNode>(std::move(fs), kMeminfoIno, TextKind::Meminfo, 0u)));
    if (name == "uptime")
        return RefPtr<Inode>(TRY(klib::try_make_ref<TextNode>(std::move(fs), kUptimeIno, TextKind::Uptime, 0u)));
    if (name == "kmsg")
        return RefPtr<Inode>(TRY(klib::try_make_ref<TextNode>(std::move(fs), kKmsgIno, TextKind::Kmsg, 0u)));
    if (name == "cmdline")
        return RefPtr<Inode>(
            TRY(klib::try_make_ref<TextNode>(std::move(fs), kCommandLineIno, TextKind::CommandLine, 0u)));
    if (name == "modules")
        return RefPtr<Inode>(TRY(klib::try_make_ref<TextNode>(std::move(fs), kModulesIno, TextKind::Modules, 0u)));
    if (name == "self")
        return RefPtr<Inode>(TRY(klib::try_make_ref<SelfLink>(std::move(fs))));
    auto pid = parse_pid(name);
    Provider* p = provider();
    if (!pid.has_value() || !p || !p->pid_exists(pid.value()))
        return ErrorCode::NoEntry;
    return RefPtr<Inode>(TRY(klib::try_make_ref<PidDirectory>(RefPtr<Inode>(this), pid.value())));
}

ErrorOr<void> RootDirectory::read_directory(uint64_t cursor, DirectoryVisitor& visitor)
{
    if (cursor <= kDotCursor && !visitor.visit({ ".", ino(), BANOS_DT_DIR, kDotDotCursor }))
        return {};
    if (cursor <= kDotDotCursor && !visitor.visit({ "..", ino(), BANOS_DT_DIR, kFirstEntryCursor }))
        return {};
    for (uint64_t i = 0; i < kFixedCount; ++i) {
        uint64_t position = kFirstEntryCursor + i;
        if (cursor > position)
            continue;
        uint64_t next = i + 1 < kFixedCount ? position + 1 : kPidCursorBase;
        if (!visitor.visit({ kFixed[i].name, kFixed[i].ino, kFixed[i].type, next }))
            return {};
    }
    Provider* p = provider();
    if (!p)
        return {};
    uint64_t first_pid = cursor > kPidCursorBase ? cursor - kPidCursorBase : 0;
    if (first_pid > 0xffffffffull)
        return {};
    PidCollector collector(static_cast<uint32_t>(first_pid));
    p->list_pids(collector);
    if (collector.failed())
        return ErrorCode::NoMemory;
    sort(collector.pids());
    for (uint32_t pid : collector.pids()) {
        char name[10];
        size_t length = decimal(pid, name);
        if (!visitor.visit({ StringView(name, length), pid_ino(pid, kPidDirectoryKind), BANOS_DT_DIR,
                             kPidCursorBase + pid + 1 }))
            break;
    }
    return {};
}

} // namespace vfs::procfs
