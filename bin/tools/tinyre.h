/* A small backtracking regular-expression matcher for grep: POSIX basic
 * (BRE) and extended (ERE) syntax without back-references.
 *   BRE: . [...] [^...] * ^ $ \{m,n\} \( \)  and GNU's \+ \? \|
 *   ERE: . [...] * + ? {m,n} ( ) | ^ $
 * Bracket expressions take ranges and [:classes:]. */
#ifndef TOOLS_TINYRE_H
#define TOOLS_TINYRE_H

struct tinyre;

/* Compiles pattern; NULL with *error set to a message on bad syntax. */
struct tinyre *tinyre_compile(const char *pattern, int extended, int icase, const char **error);
/* Whether the regex matches somewhere in line (a NUL-terminated line
 * without its newline). */
int tinyre_search(const struct tinyre *re, const char *line);
void tinyre_free(struct tinyre *re);

#endif
