#include "vfs/path.h"

#include <string.h>

#include "lib/own_ptr.h"
#include "vfs/mount.h"
#include "vfs/permissions.h"

namespace vfs {

using klib::ErrorCode;
using klib::ErrorOr;
using klib::RefPtr;
using klib::StringView;

ErrorOr<RefPtr<Inode>> lookup_child(const ResolveContext& context, const RefPtr<Inode>& directory, StringView name)
{
    if (name == ".")
        return directory;
    if (name == "..") {
        RefPtr<Inode> current = directory;
        for (;;) {
            if (context.root && current->is_same(*context.root))
                return current;
            RefPtr<Inode> point = mount_point_of(*current);
            if (!point)
                break;
            current = std::move(point);
        }
        return current->lookup("..");
    }
    RefPtr<Inode> child = TRY(directory->lookup(name));
    while (RefPtr<Inode> covering = mounted_at(*child))
        child = std::move(covering);
    return child;
}

namespace {

struct SymlinkBuffers {
    char first[kMaxPathLength + 1];
    char second[kMaxPathLength + 1];
};

// Only slashes (or nothing) left.
bool only_slashes(StringView text)
{
    for (char c : text)
        if (c != '/')
            return false;
    return true;
}

class Walker {
public:
    explicit Walker(const ResolveContext& context) : context_(context) {}

    // Resolves `path`; when `parent_out` is given, stops before the last
    // component and describes it there instead.
    ErrorOr<RefPtr<Inode>> walk(StringView path, FollowLast follow, ParentResolution* parent_out)
    {
        if (path.is_empty())
            return ErrorCode::NoEntry;
        if (path.size() > kMaxPathLength)
            return ErrorCode::NameTooLong;
        if (!context_.root)
            return ErrorCode::NoEntry;
        RefPtr<Inode> current = (path[0] == '/' || !context_.cwd) ? context_.root : context_.cwd;
        StringView remaining = path;
        for (;;) {
            size_t skip = 0;
            while (skip < remaining.size() && remaining[skip] == '/')
                ++skip;
            remaining = remaining.substring(skip);
            if (remaining.is_empty()) {
                // Nothing after the slashes: "/" itself, or a symlink to it.
                if (parent_out) {
                    parent_out->parent = current;
                    parent_out->name_length = 0;
                    parent_out->name_buffer[0] = '\0';
                    parent_out->trailing_slash = false;
                }
                return current;
            }
            size_t end = remaining.find('/').value_or(remaining.size());
            StringView component = remaining.substring(0, end);
            StringView rest = remaining.substring(end);
            bool last = only_slashes(rest);
            bool trailing = last && !rest.is_empty();
            if (component.size() > kMaxNameLength)
                return ErrorCode::NameTooLong;
            if (!current->is_directory())
                return ErrorCode::NotDirectory;
            TRY(check_access(*current, context_.credentials, kMayExecute));
            if (parent_out && last) {
                parent_out->parent = current;
                memcpy(parent_out->name_buffer, component.data(), component.size());
                parent_out->name_buffer[component.size()] = '\0';
                parent_out->name_length = component.size();
                parent_out->trailing_slash = trailing;
                return current;
            }
            RefPtr<Inode> next = TRY(lookup_child(context_, current, component));
            if (next->is_symlink() && (!last || trailing || follow == FollowLast::Yes)) {
                TRY(expand(*next, rest, remaining, current));
                continue;
            }
            if (last) {
                if (trailing && !next->is_directory())
                    return ErrorCode::NotDirectory;
                return next;
            }
            current = std::move(next);
            remaining = rest;
        }
    }

private:
    // Replaces the path walked so far up to and including the link by the
    // link's target: the rest of the path is appended to it.
    ErrorOr<void> expand(Inode& link, StringView rest, StringView& remaining, RefPtr<Inode>& current)
    {
        if (++followed_ > kMaxSymlinkFollows)
            return ErrorCode::Loop;
        if (!buffers_)
            buffers_ = TRY(klib::try_make<SymlinkBuffers>());
        // `rest` lives in the caller's path or the other buffer, never here.
        char* target = use_first_ ? buffers_->first : buffers_->second;
        use_first_ = !use_first_;
        size_t length = TRY(link.read_link(target, kMaxPathLength + 1));
        if (length == 0)
            return ErrorCode::NoEntry;
        if (length > kMaxPathLength || rest.size() > kMaxPathLength - length)
            return ErrorCode::NameTooLong;
        if (rest.size())
            memcpy(target + length, rest.data(), rest.size());
        remaining = StringView(target, length + rest.size());
        if (target[0] == '/')
            current = context_.root;
        return {};
    }

    const ResolveContext& context_;
    klib::OwnPtr<SymlinkBuffers> buffers_;
    bool use_first_ { true };
    int followed_ { 0 };
};

// Finds the name under which a directory lists an inode number.
class NameFinder final : public DirectoryVisitor {
public:
    explicit NameFinder(uint64_t ino) : ino_(ino) {}
    bool visit(const DirectoryEntry& entry) override
    {
        if (entry.ino != ino_ || entry.name == "." || entry.name == "..")
            return true;
        memcpy(name_, entry.name.data(), entry.name.size());
        length_ = entry.name.size();
        found_ = true;
        return false;
    }
    bool found() const { return found_; }
    StringView name() const { return { name_, length_ }; }

private:
    uint64_t ino_;
    char name_[kMaxNameLength];
    size_t length_ { 0 };
    bool found_ { false };
};

} // namespace

ErrorOr<RefPtr<Inode>> resolve(const ResolveContext& context, StringView path, FollowLast follow)
{
    Walker walker(context);
    return walker.walk(path, follow, nullptr);
}

ErrorOr<ParentResolution> resolve_parent(const ResolveContext& context, StringView path)
{
    ParentResolution result;
    result.name_length = 0;
    result.name_buffer[0] = '\0';
    result.trailing_slash = false;
    Walker walker(context);
    TRY(walker.walk(path, FollowLast::No, &result));
    return result;
}

ErrorOr<size_t> path_of(const ResolveContext& context, const Inode& directory, char* buffer, size_t capacity)
{
    if (capacity < 2)
        return ErrorCode::OutOfRange;
    if (!context.root)
        return ErrorCode::NoEntry;
    size_t position = capacity - 1;
    buffer[position] = '\0';
    // A reference to start from; the caller keeps `directory` alive.
    RefPtr<Inode> current(const_cast<Inode*>(&directory));
    while (!current->is_same(*context.root)) {
        if (RefPtr<Inode> point = mount_point_of(*current)) {
            current = std::move(point);
            continue;
        }
        RefPtr<Inode> parent = TRY(current->lookup(".."));
        if (parent->is_same(*current))
            return ErrorCode::NoEntry; // a root that is neither ours nor mounted
        NameFinder finder(current->ino());
        TRY(parent->read_directory(kFirstEntryCursor, finder));
        if (!finder.found())
            return ErrorCode::NoEntry;
        StringView name = finder.name();
        if (position < name.size() + 1)
            return ErrorCode::OutOfRange;
        position -= name.size();
        memcpy(buffer + position, name.data(), name.size());
        buffer[--position] = '/';
        current = std::move(parent);
    }
    if (position == capacity - 1)
        buffer[--position] = '/';
    size_t length = capacity - 1 - position;
    memmove(buffer, buffer + position, length + 1);
    return length;
}

} // namespace vfs
