/* grep [-EFcHhilnqsv] [-e pattern]... [pattern] [file...]
 * Prints the lines that match: basic regular expressions by default, -E
 * extended ones, -F fixed strings.
 *   -v non-matching lines   -c count only   -n line numbers
 *   -i ignore case          -l file names   -q quiet
 *   -H / -h file name prefix on / off       -s no messages about files
 * Exit status: 0 a line was selected, 1 none, 2 an error. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "tinyre.h"

const char tool_name[] = "grep";

static int opt_invert, opt_count, opt_number, opt_icase, opt_list, opt_quiet, opt_silent, opt_fixed, opt_extended;
static int show_names = -1; /* -1: only with several files */

static char **patterns;
static int npatterns;
static struct tinyre **compiled;

static void add_patterns(const char *text)
{
    /* Each line of a pattern argument is a pattern of its own. */
    for (;;) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        char **grown = realloc(patterns, (size_t)(npatterns + 1) * sizeof *patterns);
        char *copy = malloc(n + 1);
        if (!grown || !copy) {
            warn_msg("out of memory");
            exit(2);
        }
        memcpy(copy, text, n);
        copy[n] = '\0';
        patterns = grown;
        patterns[npatterns++] = copy;
        if (!nl)
            return;
        text = nl + 1;
    }
}

static int fixed_match(const char *line, const char *pat)
{
    if (!opt_icase)
        return strstr(line, pat) != NULL;
    size_t n = strlen(pat);
    for (const char *s = line;; s++) {
        size_t i = 0;
        while (i < n && s[i] && tolower((unsigned char)s[i]) == tolower((unsigned char)pat[i]))
            i++;
        if (i == n)
            return 1;
        if (!*s)
            return 0;
    }
}

static int selected(const char *line)
{
    int match = 0;
    for (int i = 0; i < npatterns && !match; i++)
        match = opt_fixed ? fixed_match(line, patterns[i]) : tinyre_search(compiled[i], line);
    return match != opt_invert;
}

/* Returns the number of selected lines, or -1 on a read error. */
static long grep_file(FILE *f, const char *name)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long count = 0, number = 0;
    while ((len = getline(&line, &cap, f)) >= 0) {
        number++;
        if (len > 0 && line[len - 1] == '\n')
            line[len - 1] = '\0';
        if (!selected(line))
            continue;
        count++;
        if (opt_quiet) {
            free(line);
            exit(0);
        }
        if (opt_list)
            break;
        if (opt_count)
            continue;
        if (show_names)
            printf("%s:", name);
        if (opt_number)
            printf("%ld:", number);
        puts(line);
    }
    free(line);
    if (ferror(f)) {
        if (!opt_silent)
            warn_errno(name);
        return -1;
    }
    if (opt_count) {
        if (show_names)
            printf("%s:", name);
        printf("%ld\n", count);
    }
    if (opt_list && count)
        puts(name);
    return count;
}

int main(int argc, char **argv)
{
    int opt;
    const char *use = "[-EFcHhilnqsv] [-e pattern]... [pattern] [file...]";
    while ((opt = getopt(argc, argv, "EFGcHhilnqsve:")) != -1) {
        switch (opt) {
        case 'E': opt_extended = 1, opt_fixed = 0; break;
        case 'F': opt_fixed = 1; break;
        case 'G': opt_extended = opt_fixed = 0; break;
        case 'c': opt_count = 1; break;
        case 'H': show_names = 1; break;
        case 'h': show_names = 0; break;
        case 'i': opt_icase = 1; break;
        case 'l': opt_list = 1; break;
        case 'n': opt_number = 1; break;
        case 'q': opt_quiet = 1; break;
        case 's': opt_silent = 1; break;
        case 'v': opt_invert = 1; break;
        case 'e': add_patterns(optarg); break;
        default: usage(use);
        }
    }
    if (!patterns) {
        if (optind == argc)
            usage(use);
        add_patterns(argv[optind++]);
    }
    if (!opt_fixed) {
        compiled = calloc((size_t)npatterns, sizeof *compiled);
        for (int i = 0; compiled && i < npatterns; i++) {
            const char *error;
            compiled[i] = tinyre_compile(patterns[i], opt_extended, opt_icase, &error);
            if (!compiled[i]) {
                warn_msg("%s: %s", patterns[i], error);
                return 2;
            }
        }
    }
    int nfiles = argc - optind;
    if (show_names < 0)
        show_names = nfiles > 1;

    int errors = 0;
    long total = 0;
    if (nfiles == 0) {
        long n = grep_file(stdin, "(standard input)");
        errors |= n < 0;
        total += n > 0 ? n : 0;
    }
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (!f) {
            if (!opt_silent)
                warn_errno(argv[i]);
            errors = 1;
            continue;
        }
        long n = grep_file(f, f == stdin ? "(standard input)" : argv[i]);
        errors |= n < 0;
        total += n > 0 ? n : 0;
        if (f != stdin)
            fclose(f);
    }
    for (int i = 0; i < npatterns; i++) {
        if (compiled)
            tinyre_free(compiled[i]);
        free(patterns[i]);
    }
    free(compiled);
    free(patterns);
    if (fflush(stdout) != 0) {
        warn_errno("write error");
        return 2;
    }
    return errors ? 2 : total ? 0 : 1;
}
