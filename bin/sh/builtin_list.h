/* Builtins defined in their own files (builtin_*.c). */
#ifndef SH_BUILTIN_LIST_H
#define SH_BUILTIN_LIST_H

int builtin_cd(int argc, char **argv);
int builtin_export(int argc, char **argv);
int builtin_unset(int argc, char **argv);
int builtin_set(int argc, char **argv);
int builtin_shift(int argc, char **argv);
int builtin_read(int argc, char **argv);
int builtin_exit(int argc, char **argv);
int builtin_break(int argc, char **argv);
int builtin_continue(int argc, char **argv);
int builtin_return(int argc, char **argv);
int builtin_eval(int argc, char **argv);
int builtin_dot(int argc, char **argv);

#endif
