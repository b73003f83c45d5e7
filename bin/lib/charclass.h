/* The [:name:] character classes of bracket expressions, shared by the
 * shell's patterns and grep's regular expressions. */
#ifndef BIN_CHARCLASS_H
#define BIN_CHARCLASS_H

#include <stddef.h>

typedef int (*char_class)(int c);

/* The <ctype.h> test of the class whose name is the len bytes at name
 * ("alpha", "digit", ...); NULL for an unknown name. */
char_class char_class_find(const char *name, size_t len);

#endif
