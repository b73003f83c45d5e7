/* tail [-n count | -count | -n +start] [file...]: the last lines (10 by
 * default), or everything from line start on with +start. */
#include <stdio.h>
#include <stdlib.h>

#include "common.h"
#include "lines.h"

const char tool_name[] = "tail";

static int from_start; /* +N: from line N on */

static int tail(FILE *f, long lines)
{
    if (from_start) {
        long line = 1;
        int c;
        while ((c = getc(f)) != EOF) {
            if (line >= lines)
                putchar(c);
            if (c == '\n')
                line++;
        }
    } else if (lines > 0) {
        /* A ring of the last `lines` lines. */
        char **ring = calloc((size_t)lines, sizeof *ring);
        if (!ring) {
            warn_msg("out of memory");
            return 1;
        }
        long next = 0, seen = 0;
        char *line = NULL;
        size_t cap = 0;
        while (getline(&line, &cap, f) >= 0) {
            free(ring[next]);
            ring[next] = line;
            line = NULL;
            cap = 0;
            next = (next + 1) % lines;
            seen++;
        }
        free(line);
        long count = seen < lines ? seen : lines;
        for (long k = 0; k < count; k++)
            fputs(ring[(next - count + k + lines) % lines], stdout);
        for (long k = 0; k < lines; k++)
            free(ring[k]);
        free(ring);
    }
    return 0;
}

static long parse_count(const char *s)
{
    if (*s == '+') {
        from_start = 1;
        s++;
    }
    return parse_line_count(s, 100000000);
}

int main(int argc, char **argv)
{
    return lines_main(argc, argv, parse_count, tail, "[-n count | -n +start] [file...]");
}
