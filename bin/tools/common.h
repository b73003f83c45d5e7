/* Helpers every tool links with: error messages in the "tool: path:
 * reason" form, user and group names, and the ls-style mode string. Each
 * tool defines tool_name (const char tool_name[] = "cat";). */
#ifndef TOOLS_COMMON_H
#define TOOLS_COMMON_H

#include <stddef.h>
#include <sys/types.h>

extern const char tool_name[];

/* "tool: what: strerror(errno)" on stderr. */
void warn_errno(const char *what);
/* "tool: message" on stderr (printf format). */
void warn_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "usage: tool args" on stderr, exit status 2. */
__attribute__((noreturn)) void usage(const char *args);

/* Writes all of buf; -1 on error (errno set). */
int write_all(int fd, const void *buf, size_t len);

/* Name of a user or group, or its number as text (in buf). */
const char *user_name(uid_t uid, char *buf, size_t size);
const char *group_name(gid_t gid, char *buf, size_t size);
/* A user or group by name or number; -1 if unknown. */
long lookup_uid(const char *s);
long lookup_gid(const char *s);

/* "drwxr-xr-x" for a mode (buf of at least 11 bytes). */
void mode_string(mode_t mode, char *buf);

/* Joins dir and name with one slash into a malloc'd string. */
char *path_join(const char *dir, const char *name);
/* The last component of a path ("b" for "/a/b/"), in buf. */
const char *base_name(const char *path, char *buf, size_t size);

#endif
