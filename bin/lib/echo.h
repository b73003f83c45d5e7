/* The echo command, shared by the shell builtin and the tool. */
#ifndef BIN_ECHO_H
#define BIN_ECHO_H

/* echo [-neE] [string...] onto stdout (argv[0] is the command's name):
 * -n no newline, -e backslash escapes (\n \t \\ \0nnn ..., \c ends the
 * output), -E none (the default). Only words made of n, e and E letters
 * are options. The output is not flushed: the caller checks for write
 * errors and reports them its own way. */
void echo_write(int argc, char **argv);

#endif
