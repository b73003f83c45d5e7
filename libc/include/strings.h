#ifndef __BANOS_STRINGS_H
#define __BANOS_STRINGS_H

#include <sys/cdefs.h>
#include <bits/size_t.h>

__BEGIN_DECLS

/* ASCII case-insensitive comparisons (the "C" locale). */
int strcasecmp(const char* left, const char* right);
int strncasecmp(const char* left, const char* right, size_t count);
/* The position (from 1) of the lowest set bit, 0 for 0. */
int ffs(int value);

__END_DECLS

#endif
