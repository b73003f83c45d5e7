/* What head and tail share: the [-n count | -count] options and the walk
 * over the files, each a "==> name <==" header when there are several. */
#ifndef TOOLS_LINES_H
#define TOOLS_LINES_H

#include <stdio.h>

/* The number of an -n option: decimal, 0 to max; a bad one is reported
 * and the tool exits with status 2. */
long parse_line_count(const char *s, long max);

/* The tool's main: parses the options, turning each count's text into a
 * number with count(), then runs each() over every file operand ("-" and
 * no operand at all: stdin); each() returns nonzero when it fails on its
 * own (read errors are checked here). Returns the exit status: 1 if any
 * file could not be opened or read or each() failed, else 0. */
int lines_main(int argc, char **argv, long (*count)(const char *s),
               int (*each)(FILE *f, long lines), const char *usage_args);

#endif
