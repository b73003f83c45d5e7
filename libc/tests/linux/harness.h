/* The libc tests that run as Linux processes (through linux_layer.cpp):
 * each check prints "PASS <prefix><name>" or "FAIL <prefix><name>: why";
 * the prefix comes from BANOS_TEST_PREFIX. Written in C (gnu11), built
 * with banos-cc like any program, with -fno-builtin so every libc call
 * really happens. */
#ifndef LIBC_LINUX_TESTS_HARNESS_H
#define LIBC_LINUX_TESTS_HARNESS_H

#include <stdbool.h>
#include <stdio.h>

extern const char* test_prefix;
extern int test_failures;
/* The test program's own path (argv[0]), for exec tests. */
extern const char* test_program;
/* A fresh directory for this run's files (removed at the end). */
extern char test_directory[];

void report(const char* name, bool passed, const char* why);
#define CHECK(name, condition) report(name, (condition), #condition)
/* Like CHECK, with a printf-formatted explanation on failure. */
void check_format(const char* name, bool passed, const char* format, ...) __attribute__((format(printf, 3, 4)));

/* A path inside test_directory (allocated, never freed). */
const char* test_path(const char* name);

void test_start(int argc, char** argv, char** envp);
void test_memory(void);
void test_stdio(void);
void test_files(void);
void test_process(void);
void test_signals(void);
void test_misc(void);
void test_terminal(void);
/* The calls program ABI 3 added, in every ABI. */
void test_calls(void);

/* The child side of the process tests: argv[1] is "--child=<what>". */
int child_main(const char* what, int argc, char** argv);

#endif
