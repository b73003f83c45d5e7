#include "lines.h"

#include <stdlib.h>
#include <string.h>

#include "common.h"

long parse_line_count(const char *s, long max)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (!*s || *end || n < 0 || n > max) {
        warn_msg("invalid number of lines: %s", s);
        exit(2);
    }
    return n;
}

/* each() over one file, and a read error reported. */
static int run(int (*each)(FILE *f, long lines), FILE *f, const char *name, long lines)
{
    int status = each(f, lines);
    if (ferror(f)) {
        warn_errno(name);
        status = 1;
    }
    return status;
}

int lines_main(int argc, char **argv, long (*count)(const char *s),
               int (*each)(FILE *f, long lines), const char *usage_args)
{
    long lines = 10;
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            lines = count(argv[++i]);
        } else if (strncmp(argv[i], "-n", 2) == 0 && argv[i][2]) {
            lines = count(argv[i] + 2);
        } else if (argv[i][1] >= '0' && argv[i][1] <= '9') {
            lines = count(argv[i] + 1);
        } else {
            usage(usage_args);
        }
    }
    if (i == argc)
        return run(each, stdin, "stdin", lines);
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
        status |= run(each, f, argv[i], lines);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
