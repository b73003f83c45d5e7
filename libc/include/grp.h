/* Groups, from /etc/group: name:password:gid:member,member,... */
#ifndef __BANOS_GRP_H
#define __BANOS_GRP_H

#include <sys/cdefs.h>
#include <bits/types.h>

struct group {
    char* gr_name;
    char* gr_passwd;
    gid_t gr_gid;
    char** gr_mem; /* NULL-terminated */
};

__BEGIN_DECLS

/* Static storage, as getpwnam's. */
struct group* getgrnam(const char* name);
struct group* getgrgid(gid_t gid);
int getgrnam_r(const char* name, struct group* entry, char* buffer, size_t size, struct group** result);
int getgrgid_r(gid_t gid, struct group* entry, char* buffer, size_t size, struct group** result);
struct group* getgrent(void);
void setgrent(void);
void endgrent(void);

__END_DECLS

#endif
