// /etc/group: name:password:gid:member,member,...
#include <grp.h>
#include <stdint.h>
#include <string.h>

#include "database.h"

namespace database = banos::libc::database;

namespace {

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

constinit database::Table<struct group, 4096> table { "/etc/group", parse };

} // namespace

extern "C" {

int getgrnam_r(const char* name, struct group* entry, char* buffer, size_t size, struct group** result)
{
    return table.search([name](const struct group& candidate) { return strcmp(candidate.gr_name, name) == 0; },
        entry, buffer, size, result);
}

int getgrgid_r(gid_t gid, struct group* entry, char* buffer, size_t size, struct group** result)
{
    return table.search([gid](const struct group& candidate) { return candidate.gr_gid == gid; }, entry, buffer,
        size, result);
}

struct group* getgrnam(const char* name) { return table.lookup_shared(getgrnam_r, name); }
struct group* getgrgid(gid_t gid) { return table.lookup_shared(getgrgid_r, gid); }
struct group* getgrent(void) { return table.next(); }
void setgrent(void) { table.rewind_walk(); }
void endgrent(void) { table.end_walk(); }
}
