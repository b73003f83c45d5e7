/* Copying one regular file, shared by cp and mv (mv copies when rename
 * crosses file systems). */
#ifndef TOOLS_COPY_H
#define TOOLS_COPY_H

#include <sys/types.h>

/* Copies from to to (created with mode, or truncated). Returns 0, or 1
 * after reporting an error. */
int copy_file(const char *from, const char *to, mode_t mode);

#endif
