/* Users, from /etc/passwd: name:password:uid:gid:gecos:home:shell. */
#ifndef __BANOS_PWD_H
#define __BANOS_PWD_H

#include <sys/cdefs.h>
#include <bits/types.h>

struct passwd {
    char* pw_name;
    char* pw_passwd;
    uid_t pw_uid;
    gid_t pw_gid;
    char* pw_gecos;
    char* pw_dir;
    char* pw_shell;
};

__BEGIN_DECLS

/* Static storage, overwritten by the next call; NULL when there is no
 * such user (errno unchanged) or the file cannot be read (errno set). */
struct passwd* getpwnam(const char* name);
struct passwd* getpwuid(uid_t uid);
/* Reentrant forms: the strings go into `buffer`; 0 with *result NULL when
 * not found, an errno value (ERANGE: buffer too small) on failure. */
int getpwnam_r(const char* name, struct passwd* entry, char* buffer, size_t size, struct passwd** result);
int getpwuid_r(uid_t uid, struct passwd* entry, char* buffer, size_t size, struct passwd** result);
/* Walks the file entry by entry. */
struct passwd* getpwent(void);
void setpwent(void);
void endpwent(void);

__END_DECLS

#endif
