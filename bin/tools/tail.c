/* tail [-n count | -count | -n +start] [file...]: the last lines (10 by
 * default), or everything from line start on with +start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

const char tool_name[] = "tail";

static int from_start; /* +N: from line N on */

static int tail(FILE *f, const char *name, long lines)
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
    if (ferror(f)) {
        warn_errno(name);
        return 1;
    }
    return 0;
}

static long parse_count(const char *s)
{
    if (*s == '+') {
        from_start = 1;
        s++;
    }
    char *end;
    long n = strtol(s, &end, 10);
    if (!*s || *end || n < 0 || n > 100000000) {
        warn_msg("invalid number of lines: %s", s);
        exit(2);
    }
    return n;
}

int main(int argc, char **argv)
{
    long lines = 10;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            lines = parse_count(argv[++i]);
        } else if (strncmp(argv[i], "-n", 2) == 0 && argv[i][2]) {
            lines = parse_count(argv[i] + 2);
        } else if (argv[i][1] >= '0' && argv[i][1] <= '9') {
            lines = parse_count(argv[i] + 1);
        } else {
            usage("[-n count | -n +start] [file...]");
        }
    }
    if (i == argc)
        return tail(stdin, "stdin", lines);
    int status = 0;
    for (int first = i; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            warn_errno(argv[i]);
            status = 1;
            continue;
        }
        if (argc - first > 1)
            printf("%s==> %s <==\n", i > first ? "\n" : "", argv[i]);
        status |= tail(f, argv[i], lines);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
