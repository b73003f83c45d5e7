/* wc [-lwc] [file...]: count lines, words and bytes (all three by
 * default). A single count of standard input prints just the number. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

const char tool_name[] = "wc";

static int want_lines, want_words, want_bytes;

struct counts {
    unsigned long lines, words, bytes;
};

static int count_fd(int fd, const char *name, struct counts *c)
{
    char buf[8192];
    int in_word = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            warn_errno(name);
            return 1;
        }
        if (n == 0)
            return 0;
        c->bytes += (unsigned long)n;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)buf[i];
            if (ch == '\n')
                c->lines++;
            if (isspace(ch)) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
}

static void print_counts(const struct counts *c, const char *name, int bare)
{
    const char *sep = "";
    if (want_lines) {
        printf(bare ? "%lu" : "%7lu", c->lines);
        sep = " ";
    }
    if (want_words) {
        printf(bare ? "%s%lu" : "%s%7lu", sep, c->words);
        sep = " ";
    }
    if (want_bytes)
        printf(bare ? "%s%lu" : "%s%7lu", sep, c->bytes);
    if (name)
        printf(" %s", name);
    putchar('\n');
}

int main(int argc, char **argv)
{
    int opt;
    while ((opt = getopt(argc, argv, "lwcm")) != -1) {
        switch (opt) {
        case 'l': want_lines = 1; break;
        case 'w': want_words = 1; break;
        case 'c':
        case 'm': want_bytes = 1; break;
        default: usage("[-lwc] [file...]");
        }
    }
    if (!want_lines && !want_words && !want_bytes)
        want_lines = want_words = want_bytes = 1;
    int status = 0;
    if (optind == argc) {
        struct counts c = {0};
        status = count_fd(0, "stdin", &c);
        print_counts(&c, NULL, want_lines + want_words + want_bytes == 1);
        return status;
    }
    struct counts total = {0};
    for (int i = optind; i < argc; i++) {
        struct counts c = {0};
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0) {
            warn_errno(argv[i]);
            status = 1;
            continue;
        }
        status |= count_fd(fd, argv[i], &c);
        if (fd != 0)
            close(fd);
        print_counts(&c, argv[i], 0);
        total.lines += c.lines;
        total.words += c.words;
        total.bytes += c.bytes;
    }
    if (argc - optind > 1)
        print_counts(&total, "total", 0);
    return status;
}
