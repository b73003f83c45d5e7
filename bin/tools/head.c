/* head [-n count | -count] [file...]: the first lines (10 by default). */
#include <limits.h>
#include <stdio.h>

#include "common.h"
#include "lines.h"

const char tool_name[] = "head";

static int head(FILE *f, long lines)
{
    int c;
    while (lines > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n')
            lines--;
    }
    return 0;
}

static long parse_count(const char *s)
{
    return parse_line_count(s, LONG_MAX);
}

int main(int argc, char **argv)
{
    return lines_main(argc, argv, parse_count, head, "[-n count] [file...]");
}
