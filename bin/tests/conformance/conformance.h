/* The program-ABI conformance suite: one test per function, each tagged
 * with the stub-table slots it exercises.
 *
 * Written once and compiled for every program ABI: a file's tests for a
 * slot of ABI p sit under #ifdef BANOS_HAS_SLOT_<name> (or #if
 * BANOS_PROGRAM_ABI >= p), so they are built for every ABI that has the
 * slot; a new ABI's slots need only new tests, in the area's file or a new
 * one (mk/user.mk compiles every .c here). Tests call the slots they are
 * tagged with through their stubs (__banos_slot_<name>, <banos/slots.h>),
 * so what is checked is the slot itself, not whatever libc makes of it
 * (time against time64, stat against stat64); libc does the scaffolding.
 *
 * TEST(area, name, "slot slot ...") defines the test and records
 * "area.name:slot slot ..." in the ELF section .banos.conformance of the
 * program (not loaded). tools/conformance/coverage.py compares those
 * records with the ABI's slots.def at build time, so a slot with no test
 * fails the build (mk/test-programs.mk).
 *
 * The runner (main.c) starts each test in a scratch directory under /tmp
 * with umask 022 and no signal blocked, and fails a test that leaves
 * files, descriptors or children behind.
 *
 * Every test prints one line, "PASS conformance.<area>.<name>" or "FAIL
 * conformance.<area>.<name>: why", whatever the kernel: what differs
 * between kernel ABIs (emulated calls, ENOSYS, tick-resolution clocks,
 * fast paths) is what a test expects, never whether it runs. */
#ifndef CONFORMANCE_H
#define CONFORMANCE_H

#include <banos.h>
#include <banos/slots.h>
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef void (*conformance_function)(void);

void conformance_register(const char* name, const char* slots, conformance_function function);

/* Stringified here, inside TEST, so that names which are also macros
 * (errno is one) are not expanded. */
#define CONFORMANCE_RECORD(record) \
    __asm__(".pushsection .banos.conformance,\"\",@progbits\n\t.asciz \"" record "\"\n\t.popsection");

#define TEST(area, name, slots)                                                                    \
    static void conformance_test_##area##_##name(void);                                            \
    CONFORMANCE_RECORD(#area "." #name ":" slots)                                                  \
    __attribute__((constructor)) static void conformance_register_##area##_##name(void)            \
    {                                                                                              \
        conformance_register(#area "." #name, slots, conformance_test_##area##_##name);            \
    }                                                                                              \
    static void conformance_test_##area##_##name(void)

/* Marks the running test failed; the first reason is the one printed. */
void conformance_fail(const char* file, int line, const char* format, ...) __attribute__((format(printf, 3, 4)));

/* Checks and carries on (later checks still run, cleanup still happens). */
#define EXPECT(condition, ...)                                     \
    do {                                                           \
        if (!(condition))                                          \
            conformance_fail(__FILE__, __LINE__, __VA_ARGS__);     \
    } while (0)

/* Checks and leaves the test when the rest cannot run without it. */
#define REQUIRE(condition, ...)                                    \
    do {                                                           \
        if (!(condition)) {                                        \
            conformance_fail(__FILE__, __LINE__, __VA_ARGS__);     \
            return;                                                \
        }                                                          \
    } while (0)

/* The call fails with -1 and exactly this errno. */
#define EXPECT_ERRNO(expression, error)                                                                  \
    do {                                                                                                 \
        errno = 0;                                                                                       \
        long long result_ = (long long)(expression);                                                     \
        int errno_ = errno;                                                                              \
        EXPECT(result_ == -1 && errno_ == (error), "%s = %lld with errno %s, expected -1 with %s",      \
               #expression, result_, conformance_errno_name(errno_), #error);                           \
    } while (0)

/* The call succeeds (does not return -1). */
#define EXPECT_OK(expression)                                                                            \
    do {                                                                                                 \
        errno = 0;                                                                                       \
        long long result_ = (long long)(expression);                                                     \
        EXPECT(result_ != -1, "%s failed: %s", #expression, conformance_errno_name(errno));              \
    } while (0)

const char* conformance_errno_name(int error);

/* What the layer says about itself (syslayer_version). */
int conformance_kernel_abi(void);
int conformance_always_traps(void);
/* Kernel ABIs from 2 on share pages, which the normal layer reads. */
int conformance_fast_paths(void);

/* A path in this run's scratch directory under /tmp (removed, with
 * everything in it, when the suite ends). Returns `buffer`. */
const char* conformance_path(char* buffer, size_t size, const char* name);
#define SCRATCH(variable, name) \
    char variable[128];         \
    conformance_path(variable, sizeof(variable), name)

/* Creates (or truncates) a file holding `text`; 0 on success. */
int conformance_write_file(const char* path, const char* text);

/* Runs child(argument) in a new process, which exits with its return
 * value; returns the wait status, or -1 (with a failure recorded) when
 * fork or waitpid fails. Flushes stdout first, so nothing is printed twice. */
int conformance_in_child(int (*child)(void* argument), void* argument);
int conformance_fork(void); /* fork, with stdout flushed */
/* Waits for child `pid` (through EINTR); its status, or -1. */
int conformance_wait(int pid);

/* Signal bookkeeping for handlers. */
extern volatile int conformance_signal_count;
extern volatile int conformance_last_signal;
void conformance_count_signal(int signal);

/* The path of this program, to run it again as a helper process with
 * "--child <what>" (see main.c). */
extern const char* conformance_program;

#if BANOS_PROGRAM_ABI >= 2
long long conformance_monotonic_ns(void);
#endif

#endif
