/* head [-n count | -count] [file...]: the first lines (10 by default). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"

const char tool_name[] = "head";

static int head(FILE *f, const char *name, long lines)
{
    int c;
    while (lines > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n')
            lines--;
    }
    if (ferror(f)) {
        warn_errno(name);
        return 1;
    }
    return 0;
}

static long parse_count(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (!*s || *end || n < 0) {
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
            usage("[-n count] [file...]");
        }
    }
    if (i == argc)
        return head(stdin, "stdin", lines);
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
        status |= head(f, argv[i], lines);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
