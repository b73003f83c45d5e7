/* Finding where a quoted or substituted part of a word ends. The lexer
 * uses these to cut words out of the input, the expander to find the same
 * parts again. Each takes a pointer just past the opening character(s)
 * and returns a pointer just past the closing one, or NULL when the input
 * ends first (the command is incomplete). */
#ifndef SH_SCAN_H
#define SH_SCAN_H

const char *scan_squote(const char *p, const char *end);    /* after ' */
const char *scan_dquote(const char *p, const char *end);    /* after " */
const char *scan_backquote(const char *p, const char *end); /* after ` */
/* p points at '$': $(...), $((...)), ${...} or a plain $name. */
const char *scan_dollar(const char *p, const char *end);

#endif
