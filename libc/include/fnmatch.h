/* Shell wildcard matching: * ? [set] [!set] [^set], ranges, backslash
 * escapes. */
#ifndef __BANOS_FNMATCH_H
#define __BANOS_FNMATCH_H

#include <sys/cdefs.h>

#define FNM_NOMATCH 1
#define FNM_NOESCAPE 0x1 /* backslash is an ordinary character */
#define FNM_PATHNAME 0x2 /* wildcards do not match '/' */
#define FNM_PERIOD 0x4   /* a leading '.' (after '/' with FNM_PATHNAME) only matches itself */

__BEGIN_DECLS

/* 0 on a match, FNM_NOMATCH otherwise. */
int fnmatch(const char* pattern, const char* string, int flags);

__END_DECLS

#endif
