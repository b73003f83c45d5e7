#include "echo.h"

#include <stdio.h>
#include <string.h>

/* Prints s with echo -e escapes; returns 1 after \c (stop output). */
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
        if (e) {
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

void echo_write(int argc, char **argv)
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
            if (put_escaped(argv[i]))
                return;
        } else {
            fputs(argv[i], stdout);
        }
    }
    if (newline)
        putchar('\n');
}
