// Reading the colon-separated databases /etc/passwd and /etc/group: one
// entry a line, fields split in place. What the getpw* and getgr* calls
// do with a file is the same; only the entry and how a line fills it
// differ (a Table's parser).
#pragma once

#include <errno.h>
#include <stddef.h>
#include <stdio.h>

#include "../internal/visibility.h"

namespace banos::libc::database {

// Splits `line` (its newline removed) at the first `count` - 1 colons into
// `fields`; false when it has fewer fields.
bool split(char* line, char** fields, int count) LIBC_HIDDEN;
// A decimal id; false when the text is not one.
bool parse_id(const char* text, unsigned& id) LIBC_HIDDEN;

// One database: its file, its parser, and the static storage of the calls
// that return it (getpwnam, getgrent...). Entry is struct passwd or struct
// group; BufferSize is the size of the static buffer, and so the longest
// entry (strings, and group's member list) those calls can return.
template<typename Entry, size_t BufferSize>
struct Table {
    // Fills `entry` from one line, its strings (and lists) stored in
    // `buffer`; false if the line is malformed or, with too_small set, does
    // not fit in `size` bytes.
    using Parser = bool (*)(const char* line, Entry& entry, char* buffer, size_t size, bool& too_small);

    const char* path;
    Parser parse;
    Entry shared_entry {};
    alignas(char*) char shared_buffer[BufferSize] {};
    FILE* walk = nullptr; // getpwent's and getgrent's open file

    // getpwnam_r and the like: the first entry `matches` accepts, in the
    // caller's buffer. 0 with *result null when there is none; ERANGE when
    // the entry that matches does not fit; errno when the file cannot be
    // read.
    template<typename Matches>
    int search(Matches matches, Entry* entry, char* buffer, size_t size, Entry** result)
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
                // ERANGE only if this is the entry asked for: parse it
                // again where it fits to see.
                alignas(char*) char probe[BufferSize];
                Entry candidate;
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

    // getpwnam and the like: their reentrant form `lookup` into the static
    // entry; errno set when it fails.
    template<typename Key>
    Entry* lookup_shared(int (*lookup)(Key, Entry*, char*, size_t, Entry**), Key key)
    {
        Entry* result;
        int error = lookup(key, &shared_entry, shared_buffer, sizeof shared_buffer, &result);
        if (error != 0)
            errno = error;
        return result;
    }

    // getpwent: the next well-formed entry of the file, opened at the first
    // call; null at its end.
    Entry* next()
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

    // setpwent: back to the first entry.
    void rewind_walk()
    {
        if (walk != nullptr)
            rewind(walk);
    }

    // endpwent: closes the file.
    void end_walk()
    {
        if (walk != nullptr)
            fclose(walk);
        walk = nullptr;
    }
};

} // namespace banos::libc::database
