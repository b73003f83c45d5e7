/* Every parse of a command allocates its syntax tree from one arena, so
 * the whole tree goes away with a single call. Function definitions keep
 * their tree alive by holding a reference to its arena. */
#ifndef SH_ARENA_H
#define SH_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_ref(struct arena *a);
void arena_unref(struct arena *a);
void *arena_alloc(struct arena *a, size_t size); /* zeroed */
char *arena_strndup(struct arena *a, const char *s, size_t n);

#endif
