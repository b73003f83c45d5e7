/* The check the kernel test programs print: "PASS <group>.<name>" or
 * "FAIL <group>.<name>: <why>", one line each, flushed at once (the
 * programs fork, and a line left in the buffer would be printed twice).
 * Define CHECK_GROUP (a string) before including; `failures` counts the
 * FAIL lines for the program's exit status. */
#ifndef BANOS_TESTS_CHECK_H
#define BANOS_TESTS_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(name, condition, ...)                                          \
    do {                                                                     \
        if (condition) {                                                     \
            printf("PASS " CHECK_GROUP ".%s\n", name);                       \
        } else {                                                             \
            printf("FAIL " CHECK_GROUP ".%s: ", name);                       \
            printf(__VA_ARGS__);                                             \
            printf("\n");                                                    \
            ++failures;                                                      \
        }                                                                    \
        fflush(stdout);                                                      \
    } while (0)

#endif
