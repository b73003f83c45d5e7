#include "scan.h"

#include <stddef.h>

const char *scan_squote(const char *p, const char *end)
{
    for (; p < end; p++)
        if (*p == '\'')
            return p + 1;
    return NULL;
}

const char *scan_backquote(const char *p, const char *end)
{
    for (; p < end; p++) {
        if (*p == '\\') {
            if (++p >= end)
                return NULL;
        } else if (*p == '`') {
            return p + 1;
        }
    }
    return NULL;
}

const char *scan_dquote(const char *p, const char *end)
{
    while (p < end) {
        switch (*p) {
        case '\\':
            if (p + 1 >= end)
                return NULL;
            p += 2;
            break;
        case '"':
            return p + 1;
        case '`':
            p = scan_backquote(p + 1, end);
            if (!p)
                return NULL;
            break;
        case '$':
            p = scan_dollar(p, end);
            if (!p)
                return NULL;
            break;
        default:
            p++;
        }
    }
    return NULL;
}

/* Inside $( ) or ${ }: skips quoted parts and nested substitutions until
 * the bracket that closes the one before p. */
static const char *scan_balanced(const char *p, const char *end, char open, char close)
{
    int depth = 1;
    while (p < end) {
        char c = *p;
        if (c == '\\') {
            if (p + 1 >= end)
                return NULL;
            p += 2;
            continue;
        }
        if (c == '\'')
            p = scan_squote(p + 1, end);
        else if (c == '"')
            p = scan_dquote(p + 1, end);
        else if (c == '`')
            p = scan_backquote(p + 1, end);
        else if (c == '$' && p + 1 < end && (p[1] == '(' || p[1] == '{'))
            p = scan_dollar(p, end);
        else {
            if (c == open)
                depth++;
            else if (c == close && --depth == 0)
                return p + 1;
            p++;
            continue;
        }
        if (!p)
            return NULL;
    }
    return NULL;
}

const char *scan_dollar(const char *p, const char *end)
{
    if (p + 1 >= end)
        return p + 1;
    if (p[1] == '(')
        return scan_balanced(p + 2, end, '(', ')');
    if (p[1] == '{')
        return scan_balanced(p + 2, end, '{', '}');
    return p + 1;
}
