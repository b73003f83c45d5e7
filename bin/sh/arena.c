#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct block {
    struct block *next;
    size_t used, size;
    /* the data follows, aligned like max_align_t */
    _Alignas(16) unsigned char data[];
};

struct arena {
    int refs;
    struct block *blocks;
};

struct arena *arena_new(void)
{
    struct arena *a = xmalloc(sizeof *a);
    a->refs = 1;
    a->blocks = NULL;
    return a;
}

void arena_ref(struct arena *a)
{
    a->refs++;
}

void arena_unref(struct arena *a)
{
    if (!a || --a->refs > 0)
        return;
    for (struct block *b = a->blocks, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

void *arena_alloc(struct arena *a, size_t size)
{
    size = (size + 15) & ~(size_t)15;
    struct block *b = a->blocks;
    if (!b || b->used + size > b->size) {
        size_t bsize = size > 4000 ? size : 4000;
        b = xmalloc(sizeof *b + bsize);
        b->size = bsize;
        b->used = 0;
        b->next = a->blocks;
        a->blocks = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
