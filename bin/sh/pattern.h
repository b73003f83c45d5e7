/* Shell pattern matching (*, ?, [...], backslash quoting), used by case,
 * ${var#pattern} and pathname expansion. */
#ifndef SH_PATTERN_H
#define SH_PATTERN_H

#include <stddef.h>

/* Whether all of s matches pat. */
int pattern_match(const char *pat, const char *s);
/* Same for the first n bytes of s. */
int pattern_match_n(const char *pat, const char *s, size_t n);
/* Whether pat has an unquoted *, ? or [. */
int pattern_has_magic(const char *pat);

#endif
