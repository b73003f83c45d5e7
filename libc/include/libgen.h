/* POSIX basename and dirname: they may modify their argument and return
 * it or a static string. */
#ifndef __BANOS_LIBGEN_H
#define __BANOS_LIBGEN_H

#include <sys/cdefs.h>

__BEGIN_DECLS

char* basename(char* path);
char* dirname(char* path);

__END_DECLS

#endif
