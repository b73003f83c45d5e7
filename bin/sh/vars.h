/* Shell variables: a hash table of name, value and export flag, seeded
 * from the environment, from which each command's environment is built. */
#ifndef SH_VARS_H
#define SH_VARS_H

void vars_init(char **envp);
const char *var_get(const char *name);
void var_set(const char *name, const char *value);
void var_unset(const char *name);
void var_export(const char *name);
int var_is_exported(const char *name);
/* "NAME=value" for every exported variable; free with free_environ. */
char **var_environ(void);
void free_environ(char **env);
/* Calls fn for every variable, sorted by name (for `export` and `set`). */
void var_each_sorted(void (*fn)(const char *name, const char *value, int exported));

/* Saves a variable's state so a temporary assignment (`A=1 builtin`) can
 * be undone. */
struct var_backup {
    char *name;
    char *value; /* NULL: was unset */
    int exported;
};
void var_backup(struct var_backup *b, const char *name);
void var_restore(struct var_backup *b);

#endif
