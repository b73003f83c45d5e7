#include "pattern.h"

#include <string.h>

#include "../lib/charclass.h"

/* Matches c against the bracket expression at p (just after '['). Returns
 * the pointer after the closing ']' and sets *matched, or NULL when the
 * bracket is not closed (then '[' is an ordinary character). */
static const char *bracket(const char *p, unsigned char c, int *matched)
{
    int negate = 0, found = 0;
    if (*p == '!' || *p == '^') {
        negate = 1;
        p++;
    }
    const char *first = p;
    while (*p && (*p != ']' || p == first)) {
        if (p[0] == '[' && p[1] == ':') {
            const char *close = strstr(p + 2, ":]");
            if (close) {
                char_class test = char_class_find(p + 2, (size_t)(close - p - 2));
                found |= test && test(c);
                p = close + 2;
                continue;
            }
        }
        unsigned char lo = (unsigned char)*p;
        if (lo == '\\' && p[1])
            lo = (unsigned char)*++p;
        p++;
        unsigned char hi = lo;
        if (p[0] == '-' && p[1] && p[1] != ']') {
            hi = (unsigned char)p[1];
            if (hi == '\\' && p[2])
                hi = (unsigned char)*++p;
            p += 2;
        }
        if (lo <= c && c <= hi)
            found = 1;
    }
    if (*p != ']')
        return NULL;
    *matched = found != negate;
    return p + 1;
}

int pattern_match_n(const char *pat, const char *s, size_t n)
{
    const char *end = s + n;
    /* Where to resume after the last '*': classic single backtrack point. */
    const char *star_pat = NULL, *star_s = NULL;
    while (1) {
        if (*pat == '*') {
            while (*pat == '*')
                pat++;
            star_pat = pat;
            star_s = s;
            continue;
        }
        if (s == end) {
            if (*pat == '\0')
                return 1;
            goto backtrack;
        }
        if (*pat == '\0')
            goto backtrack;
        if (*pat == '?') {
            pat++;
            s++;
            continue;
        }
        if (*pat == '[') {
            int matched;
            const char *after = bracket(pat + 1, (unsigned char)*s, &matched);
            if (after) {
                if (!matched)
                    goto backtrack;
                pat = after;
                s++;
                continue;
            }
        }
        {
            char want = *pat;
            const char *next = pat + 1;
            if (want == '\\' && pat[1]) {
                want = pat[1];
                next = pat + 2;
            }
            if (want != *s)
                goto backtrack;
            pat = next;
            s++;
            continue;
        }
    backtrack:
        if (!star_pat || star_s == end)
            return 0;
        pat = star_pat;
        s = ++star_s;
    }
}

int pattern_match(const char *pat, const char *s)
{
    return pattern_match_n(pat, s, strlen(s));
}

int pattern_has_magic(const char *pat)
{
    for (; *pat; pat++) {
        if (*pat == '\\' && pat[1])
            pat++;
        else if (*pat == '*' || *pat == '?' || *pat == '[')
            return 1;
    }
    return 0;
}
