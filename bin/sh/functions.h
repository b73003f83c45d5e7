/* Shell functions: name() compound-command. */
#ifndef SH_FUNCTIONS_H
#define SH_FUNCTIONS_H

struct node;

/* Defines (or replaces) a function from an N_FUNCDEF node; keeps the
 * node's syntax tree alive. */
void function_define(struct node *def);
struct node *function_find(const char *name);
void function_unset(const char *name);
/* Calls function name with argv[1..] as $1..; returns its status, or -1
 * if there is no such function. */
int function_call(const char *name, int argc, char **argv);

#endif
