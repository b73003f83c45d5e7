// /etc/passwd: name:password:uid:gid:gecos:home:shell.
#include <pwd.h>
#include <string.h>

#include "database.h"

namespace database = banos::libc::database;

namespace {

// Fills `entry` from one line copied into `buffer`; false if malformed.
bool parse(const char* line, struct passwd& entry, char* buffer, size_t size, bool& too_small)
{
    size_t length = strlen(line);
    if (length + 1 > size) {
        too_small = true;
        return false;
    }
    memcpy(buffer, line, length + 1);
    char* fields[7];
    if (!database::split(buffer, fields, 7))
        return false;
    unsigned uid, gid;
    if (!database::parse_id(fields[2], uid) || !database::parse_id(fields[3], gid))
        return false;
    entry.pw_name = fields[0];
    entry.pw_passwd = fields[1];
    entry.pw_uid = uid;
    entry.pw_gid = gid;
    entry.pw_gecos = fields[4];
    entry.pw_dir = fields[5];
    entry.pw_shell = fields[6];
    return true;
}

constinit database::Table<struct passwd, 1024> table { "/etc/passwd", parse };

} // namespace

extern "C" {

int getpwnam_r(const char* name, struct passwd* entry, char* buffer, size_t size, struct passwd** result)
{
    return table.search([name](const struct passwd& candidate) { return strcmp(candidate.pw_name, name) == 0; },
        entry, buffer, size, result);
}

int getpwuid_r(uid_t uid, struct passwd* entry, char* buffer, size_t size, struct passwd** result)
{
    return table.search([uid](const struct passwd& candidate) { return candidate.pw_uid == uid; }, entry, buffer,
        size, result);
}

struct passwd* getpwnam(const char* name) { return table.lookup_shared(getpwnam_r, name); }
struct passwd* getpwuid(uid_t uid) { return table.lookup_shared(getpwuid_r, uid); }
struct passwd* getpwent(void) { return table.next(); }
void setpwent(void) { table.rewind_walk(); }
void endpwent(void) { table.end_walk(); }
}
