#include "glob.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pattern.h"
#include "util.h"

char *pattern_unescape(const char *pat)
{
    char *out = xmalloc(strlen(pat) + 1), *o = out;
    for (; *pat; pat++) {
        if (*pat == '\\' && pat[1])
            pat++;
        *o++ = *pat;
    }
    *o = '\0';
    return out;
}

static void join(struct strbuf *b, const char *dir, const char *name)
{
    sb_puts(b, dir);
    if (b->len && b->s[b->len - 1] != '/')
        sb_putc(b, '/');
    sb_puts(b, name);
}

/* dir: the expanded prefix ("" for the current directory); rest: the
 * remaining pattern, starting with a component. */
static void expand(const char *dir, const char *rest, struct strvec *out)
{
    const char *slash = strchr(rest, '/');
    size_t len = slash ? (size_t)(slash - rest) : strlen(rest);
    char *component = xstrndup(rest, len);
    const char *after = slash ? slash + 1 : NULL;
    while (after && *after == '/')
        after++;

    if (!pattern_has_magic(component)) {
        char *plain = pattern_unescape(component);
        struct strbuf path;
        sb_init(&path);
        join(&path, dir, plain);
        struct stat st;
        if (after && *after)
            expand(path.s, after, out);
        else if (lstat(path.s, &st) == 0)
            sv_push(out, after ? (sb_putc(&path, '/'), sb_take(&path)) : sb_take(&path));
        sb_free(&path);
        free(plain);
        free(component);
        return;
    }

    DIR *d = opendir(*dir ? dir : ".");
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            /* A leading dot must be matched explicitly. */
            if (e->d_name[0] == '.' && component[0] != '.')
                continue;
            if (!pattern_match(component, e->d_name))
                continue;
            struct strbuf path;
            sb_init(&path);
            join(&path, dir, e->d_name);
            if (after && *after) {
                struct stat st;
                if (stat(path.s, &st) == 0 && S_ISDIR(st.st_mode))
                    expand(path.s, after, out);
                sb_free(&path);
            } else if (after) { /* pattern ended in '/': directories only */
                struct stat st;
                if (stat(path.s, &st) == 0 && S_ISDIR(st.st_mode)) {
                    sb_putc(&path, '/');
                    sv_push(out, sb_take(&path));
                } else {
                    sb_free(&path);
                }
            } else {
                sv_push(out, sb_take(&path));
            }
        }
        closedir(d);
    }
    free(component);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob_expand(const char *pat, struct strvec *out)
{
    size_t before = out->len;
    if (pat[0] == '/') {
        const char *rest = pat;
        while (*rest == '/')
            rest++;
        expand("/", rest, out);
    } else {
        expand("", pat, out);
    }
    qsort(out->v + before, out->len - before, sizeof(char *), compare_strings);
    return (int)(out->len - before);
}
