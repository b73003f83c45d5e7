/* echo [-neE] [string...]: print the arguments. -n: no newline,
 * -e: interpret backslash escapes (\n \t \\ \c ...), -E: do not. */
#include <stdio.h>
#include <string.h>

#include "common.h"

const char tool_name[] = "echo";

/* Returns 1 after \c, which ends the output. */
static int put_escaped(const char *s)
{
    static const char from[] = "abefnrtv\\", to[] = "\a\b\033\f\n\r\t\v\\";
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) {
            putchar(*s);
            continue;
        }
        s++;
        const char *e = strchr(from, *s);
        if (e && *s) {
            putchar(to[e - from]);
        } else if (*s == 'c') {
            return 1;
        } else if (*s == '0') {
            int v = 0;
            for (int i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
                v = v * 8 + (*++s - '0');
            putchar(v);
        } else {
            putchar('\\');
            putchar(*s);
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int newline = 1, escapes = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] && strspn(argv[i] + 1, "neE") == strlen(argv[i] + 1); i++) {
        for (const char *o = argv[i] + 1; *o; o++) {
            if (*o == 'n')
                newline = 0;
            else
                escapes = *o == 'e';
        }
    }
    for (int first = i; i < argc; i++) {
        if (i > first)
            putchar(' ');
        if (escapes) {
            if (put_escaped(argv[i])) {
                newline = 0;
                break;
            }
        } else {
            fputs(argv[i], stdout);
        }
    }
    if (newline)
        putchar('\n');
    if (fflush(stdout) != 0) {
        warn_errno("write error");
        return 1;
    }
    return 0;
}
