/* getopt (declared by <unistd.h> too). */
#ifndef __BANOS_GETOPT_H
#define __BANOS_GETOPT_H

#include <sys/cdefs.h>

__BEGIN_DECLS

int getopt(int argc, char* const argv[], const char* optstring);
extern char* optarg;
extern int optind, opterr, optopt;

__END_DECLS

#endif
