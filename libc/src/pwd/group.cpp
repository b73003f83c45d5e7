// /etc/group: name:password:gid:member,member,...
#include <errno.h>
#include <grp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "database.h"

namespace database = banos::libc::database;

namespace {

constexpr const char* path = "/etc/group";

// Fills `entry` from one line: the member pointers, then the text, go into
// `buffer`. false if malformed (or, with too_small, if it does not fit).
bool parse(const char* line, struct group& entry, char* buffer, size_t size, bool& too_small)
{
    size_t length = strlen(line);
    size_t members = 1; // a list of n names has n - 1 commas; one more for NULL
    for (const char* cursor = line; *cursor != '\0'; ++cursor)
        members += *cursor == ',' ? 1 : 0;
    size_t alignment = reinterpret_cast<uintptr_t>(buffer) % alignof(char*);
    size_t skip = alignment == 0 ? 0 : alignof(char*) - alignment;
    size_t pointer_bytes = (members + 1) * sizeof(char*);
    if (skip + pointer_bytes + length + 1 > size) {
        too_small = true;
        return false;
    }
    auto** list = reinterpret_cast<char**>(buffer + skip);
    char* text = buffer + skip + pointer_bytes;
    memcpy(text, line, length + 1);
    char* fields[4];
    if (!database::split(text, fields, 4))
        return false;
    unsigned gid;
    if (!database::parse_id(fields[2], gid))
        return false;
    size_t count = 0;
    for (char* member = fields[3]; *member != '\0';) {
        char* comma = strchr(member, ',');
        if (comma != nullptr)
            *comma = '\0';
        if (*member != '\0')
            list[count++] = member;
        if (comma == nullptr)
            break;
        member = comma + 1;
    }
    list[count] = nullptr;
    entry.gr_name = fields[0];
    entry.gr_passwd = fields[1];
    entry.gr_gid = gid;
    entry.gr_mem = list;
    return true;
}

template<typename Matches>
int search(Matches matches, struct group* entry, char* buffer, size_t size, struct group** result)
{
    *result = nullptr;
    int saved = errno;
    FILE* file = fopen(path, "re");
    if (file == nullptr)
        return errno;
    char line[1024];
    int error = 0;
    while (fgets(line, sizeof line, file) != nullptr) {
        bool too_small = false;
        if (parse(line, *entry, buffer, size, too_small)) {
            if (matches(*entry)) {
                *result = entry;
                break;
            }
        } else if (too_small) {
            alignas(char*) char probe[4096];
            struct group candidate;
            bool ignored = false;
            if (parse(line, candidate, probe, sizeof probe, ignored) && matches(candidate)) {
                error = ERANGE;
                break;
            }
        }
    }
    fclose(file);
    errno = saved;
    return error;
}

struct group shared_entry;
alignas(char*) char shared_buffer[4096];
FILE* walk;

struct group* shared(int error, struct group* result)
{
    if (error != 0)
        errno = error;
    return result;
}

} // namespace

extern "C" {

int getgrnam_r(const char* name, struct group* entry, char* buffer, size_t size, struct group** result)
{
    return search([name](const struct group& candidate) { return strcmp(candidate.gr_name, name) == 0; }, entry,
        buffer, size, result);
}

int getgrgid_r(gid_t gid, struct group* entry, char* buffer, size_t size, struct group** result)
{
    return search([gid](const struct group& candidate) { return candidate.gr_gid == gid; }, entry, buffer, size,
        result);
}

struct group* getgrnam(const char* name)
{
    struct group* result;
    int error = getgrnam_r(name, &shared_entry, shared_buffer, sizeof shared_buffer, &result);
    return shared(error, result);
}

struct group* getgrgid(gid_t gid)
{
    struct group* result;
    int error = getgrgid_r(gid, &shared_entry, shared_buffer, sizeof shared_buffer, &result);
    return shared(error, result);
}

void setgrent(void)
{
    if (walk != nullptr)
        rewind(walk);
}

void endgrent(void)
{
    if (walk != nullptr)
        fclose(walk);
    walk = nullptr;
}

struct group* getgrent(void)
{
    if (walk == nullptr && (walk = fopen(path, "re")) == nullptr)
        return nullptr;
    char line[1024];
    while (fgets(line, sizeof line, walk) != nullptr) {
        bool too_small = false;
        if (parse(line, shared_entry, shared_buffer, sizeof shared_buffer, too_small))
            return &shared_entry;
    }
    return nullptr;
}
}
