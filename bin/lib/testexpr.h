/* The test / [ command, shared by the shell builtin and the tool. */
#ifndef BIN_TESTEXPR_H
#define BIN_TESTEXPR_H

/* argv[0] is "test" or "[" (then the last argument must be "]").
 * Returns 0 (true), 1 (false) or 2 (error, reported on stderr). */
int test_main(int argc, char **argv);

#endif
