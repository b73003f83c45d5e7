/* Commands the shell runs itself, either because they change the shell
 * (cd, exit, export...) or because they are used so often. */
#ifndef SH_BUILTINS_H
#define SH_BUILTINS_H

typedef int (*builtin_fn)(int argc, char **argv);

/* NULL if name is not a builtin. */
builtin_fn builtin_find(const char *name);

#endif
