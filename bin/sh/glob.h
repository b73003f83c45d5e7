/* Pathname expansion: the files a pattern like /bin/s* names. */
#ifndef SH_GLOB_H
#define SH_GLOB_H

struct strvec;

/* Appends the sorted matches of pat (quoted characters backslash-escaped)
 * to out. Returns how many it found. */
int glob_expand(const char *pat, struct strvec *out);
/* Copy of pat without its backslash escapes. */
char *pattern_unescape(const char *pat);

#endif
