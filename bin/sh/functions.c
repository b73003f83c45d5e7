#include "functions.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "exec.h"
#include "shell.h"
#include "util.h"

struct function {
    struct function *next;
    char *name;
    struct node *body;
    struct arena *arena;
};

static struct function *functions;

void function_define(struct node *def)
{
    function_unset(def->u.func.name);
    struct function *f = xmalloc(sizeof *f);
    f->name = xstrdup(def->u.func.name);
    f->body = def->u.func.body;
    f->arena = def->u.func.arena;
    arena_ref(f->arena);
    f->next = functions;
    functions = f;
}

struct node *function_find(const char *name)
{
    for (struct function *f = functions; f; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f->body;
    return NULL;
}

void function_unset(const char *name)
{
    for (struct function **link = &functions; *link; link = &(*link)->next) {
        struct function *f = *link;
        if (strcmp(f->name, name) == 0) {
            *link = f->next;
            free(f->name);
            /* A running body stays alive: function_call holds a reference. */
            arena_unref(f->arena);
            free(f);
            return;
        }
    }
}

int function_call(const char *name, int argc, char **argv)
{
    struct function *f = functions;
    while (f && strcmp(f->name, name) != 0)
        f = f->next;
    if (!f)
        return -1;
    /* Our own reference: the function may redefine or unset itself. */
    struct arena *arena = f->arena;
    struct node *body = f->body;
    arena_ref(arena);
    int saved_argc = shell.argc;
    char **saved_argv = shell.argv, **saved_alloc = shell.argv_alloc;
    shell.argc = argc - 1;
    shell.argv = argv + 1;
    shell.argv_alloc = NULL;
    shell.func_depth++;
    int status = exec_node(body, 0);
    shell.func_depth--;
    if (shell.returning) {
        shell.returning = 0;
        status = shell.last_status;
    }
    positional_release();
    shell.argc = saved_argc;
    shell.argv = saved_argv;
    shell.argv_alloc = saved_alloc;
    arena_unref(arena);
    return status;
}
