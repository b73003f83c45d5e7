#include "vars.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct var {
    struct var *next;
    char *name;
    char *value;
    int exported;
};

#define BUCKETS 64
static struct var *table[BUCKETS];
static int var_count;

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % BUCKETS;
}

static struct var *find(const char *name)
{
    for (struct var *v = table[hash(name)]; v; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

static struct var *find_or_add(const char *name)
{
    struct var *v = find(name);
    if (v)
        return v;
    v = xmalloc(sizeof *v);
    v->name = xstrdup(name);
    v->value = NULL;
    v->exported = 0;
    unsigned h = hash(name);
    v->next = table[h];
    table[h] = v;
    var_count++;
    return v;
}

void vars_init(char **envp)
{
    for (; envp && *envp; envp++) {
        const char *eq = strchr(*envp, '=');
        if (!eq)
            continue;
        char *name = xstrndup(*envp, (size_t)(eq - *envp));
        if (is_name(name)) {
            var_set(name, eq + 1);
            var_export(name);
        }
        free(name);
    }
}

const char *var_get(const char *name)
{
    struct var *v = find(name);
    return v ? v->value : NULL;
}

void var_set(const char *name, const char *value)
{
    struct var *v = find_or_add(name);
    char *copy = xstrdup(value); /* value may point into v->value */
    free(v->value);
    v->value = copy;
}

void var_unset(const char *name)
{
    struct var **link = &table[hash(name)];
    for (; *link; link = &(*link)->next) {
        struct var *v = *link;
        if (strcmp(v->name, name) == 0) {
            *link = v->next;
            free(v->name);
            free(v->value);
            free(v);
            var_count--;
            return;
        }
    }
}

void var_export(const char *name)
{
    find_or_add(name)->exported = 1;
}

int var_is_exported(const char *name)
{
    struct var *v = find(name);
    return v && v->exported;
}

char **var_environ(void)
{
    char **env = xmalloc((size_t)(var_count + 1) * sizeof *env);
    int n = 0;
    for (int i = 0; i < BUCKETS; i++) {
        for (struct var *v = table[i]; v; v = v->next) {
            if (!v->exported || !v->value)
                continue;
            size_t nl = strlen(v->name), vl = strlen(v->value);
            char *s = xmalloc(nl + vl + 2);
            memcpy(s, v->name, nl);
            s[nl] = '=';
            memcpy(s + nl + 1, v->value, vl + 1);
            env[n++] = s;
        }
    }
    env[n] = NULL;
    return env;
}

void free_environ(char **env)
{
    for (char **e = env; *e; e++)
        free(*e);
    free(env);
}

static int compare_vars(const void *a, const void *b)
{
    return strcmp((*(struct var *const *)a)->name, (*(struct var *const *)b)->name);
}

void var_each_sorted(void (*fn)(const char *name, const char *value, int exported))
{
    struct var **all = xmalloc((size_t)(var_count + 1) * sizeof *all);
    int n = 0;
    for (int i = 0; i < BUCKETS; i++)
        for (struct var *v = table[i]; v; v = v->next)
            all[n++] = v;
    qsort(all, (size_t)n, sizeof *all, compare_vars);
    for (int i = 0; i < n; i++)
        fn(all[i]->name, all[i]->value, all[i]->exported);
    free(all);
}

void var_backup(struct var_backup *b, const char *name)
{
    struct var *v = find(name);
    b->name = xstrdup(name);
    b->value = v && v->value ? xstrdup(v->value) : NULL;
    b->exported = v && v->exported;
}

void var_restore(struct var_backup *b)
{
    if (b->value) {
        struct var *v = find_or_add(b->name);
        free(v->value);
        v->value = b->value;
        v->exported = b->exported;
    } else {
        var_unset(b->name);
    }
    free(b->name);
}
