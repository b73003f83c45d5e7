// /etc/passwd: name:password:uid:gid:gecos:home:shell.
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>

#include "database.h"

namespace database = banos::libc::database;

namespace {

constexpr const char* path = "/etc/passwd";

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

// Searches the file for the entry `matches` accepts.
template<typename Matches>
int search(Matches matches, struct passwd* entry, char* buffer, size_t size, struct passwd** result)
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
            char probe[sizeof line];
            struct passwd candidate;
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

struct passwd shared_entry;
char shared_buffer[1024];
FILE* walk;

struct passwd* shared(int error, struct passwd* result)
{
    if (error != 0)
        errno = error;
    return result;
}

} // namespace

extern "C" {

int getpwnam_r(const char* name, struct passwd* entry, char* buffer, size_t size, struct passwd** result)
{
    return search([name](const struct passwd& candidate) { return strcmp(candidate.pw_name, name) == 0; }, entry,
        buffer, size, result);
}

int getpwuid_r(uid_t uid, struct passwd* entry, char* buffer, size_t size, struct passwd** result)
{
    return search([uid](const struct passwd& candidate) { return candidate.pw_uid == uid; }, entry, buffer, size,
        result);
}

struct passwd* getpwnam(const char* name)
{
    struct passwd* result;
    int error = getpwnam_r(name, &shared_entry, shared_buffer, sizeof shared_buffer, &result);
    return shared(error, result);
}

struct passwd* getpwuid(uid_t uid)
{
    struct passwd* result;
    int error = getpwuid_r(uid, &shared_entry, shared_buffer, sizeof shared_buffer, &result);
    return shared(error, result);
}

void setpwent(void)
{
    if (walk != nullptr)
        rewind(walk);
}

void endpwent(void)
{
    if (walk != nullptr)
        fclose(walk);
    walk = nullptr;
}

struct passwd* getpwent(void)
{
    if (walk == nullptr && (walk = fopen(path, "re")) == nullptr)
        return nullptr;
    char line[sizeof shared_buffer];
    while (fgets(line, sizeof line, walk) != nullptr) {
        bool too_small = false;
        if (parse(line, shared_entry, shared_buffer, sizeof shared_buffer, too_small))
            return &shared_entry;
    }
    return nullptr;
}
}
