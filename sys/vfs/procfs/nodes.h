#pragma once
// procfs internals: its inodes. Inodes other than the root are made on
// each lookup; their numbers identify them (pid * 16 + kind).
#include "vfs/file_system.h"
#include "vfs/procfs/procfs.h"

namespace vfs::procfs {

enum class TextKind : uint8_t { Status, Meminfo, Uptime, Kmsg, CommandLine, Modules };

constexpr uint64_t kRootIno = 1;
constexpr uint64_t kMeminfoIno = 2;
constexpr uint64_t kUptimeIno = 3;
constexpr uint64_t kSelfIno = 4;
constexpr uint64_t kKmsgIno = 5;
constexpr uint64_t kCommandLineIno = 6;
constexpr uint64_t kModulesIno = 7;
constexpr uint64_t kPidDirectoryKind = 1;
constexpr uint64_t kPidStatusKind = 2;
constexpr uint64_t pid_ino(uint32_t pid, uint64_t kind) { return uint64_t(pid) * 16 + kind; }

Provider* provider();

class ProcfsFileSystem final : public FileSystem {
public:
    klib::StringView name() const override { return "procfs"; }
};

// Generated text (a regular file).
class TextNode final : public Inode {
public:
    TextNode(klib::RefPtr<FileSystem>, uint64_t ino, TextKind, uint32_t pid);
    klib::ErrorOr<klib::OwnPtr<File>> open(uint32_t flags) override;
    klib::ErrorOr<void> set_mode(uint32_t) override { return klib::ErrorCode::NotPermitted; }
    klib::ErrorOr<void> set_owner(uint32_t, uint32_t) override { return klib::ErrorCode::NotPermitted; }

private:
    TextKind kind_;
    uint32_t pid_;
};

// /proc/self.
class SelfLink final : public Inode {
public:
    explicit SelfLink(klib::RefPtr<FileSystem>);
    uint64_t size() const override;
    klib::ErrorOr<size_t> read_link(char* buffer, size_t capacity) override;
    klib::ErrorOr<void> set_owner(uint32_t, uint32_t) override { return klib::ErrorCode::NotPermitted; }
};

// /proc/<pid>.
class PidDirectory final : public Inode {
public:
    PidDirectory(klib::RefPtr<Inode> root, uint32_t pid);
    klib::ErrorOr<klib::RefPtr<Inode>> lookup(klib::StringView name) override;
    klib::ErrorOr<void> read_directory(uint64_t cursor, DirectoryVisitor&) override;
    klib::ErrorOr<void> set_mode(uint32_t) override { return klib::ErrorCode::NotPermitted; }
    klib::ErrorOr<void> set_owner(uint32_t, uint32_t) override { return klib::ErrorCode::NotPermitted; }

private:
    klib::RefPtr<Inode> root_;
    uint32_t pid_;
};

// /proc.
class RootDirectory final : public Inode {
public:
    explicit RootDirectory(klib::RefPtr<FileSystem>);
    klib::ErrorOr<klib::RefPtr<Inode>> lookup(klib::StringView name) override;
    klib::ErrorOr<void> read_directory(uint64_t cursor, DirectoryVisitor&) override;
    klib::ErrorOr<void> set_mode(uint32_t) override { return klib::ErrorCode::NotPermitted; }
    klib::ErrorOr<void> set_owner(uint32_t, uint32_t) override { return klib::ErrorCode::NotPermitted; }
};

} // namespace vfs::procfs
