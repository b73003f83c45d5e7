/* libc end to end, as a Linux process through the stand-in layer: runs
 * every group of checks, or (with --child=...) the child side of one. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"

const char* test_prefix = "";
int test_failures;
const char* test_program;
char test_directory[256];

void report(const char* name, bool passed, const char* why)
{
    if (passed) {
        printf("PASS %s%s\n", test_prefix, name);
    } else {
        printf("FAIL %s%s: %s\n", test_prefix, name, why);
        ++test_failures;
    }
    fflush(stdout);
}

void check_format(const char* name, bool passed, const char* format, ...)
{
    char why[512] = "";
    if (!passed) {
        va_list arguments;
        va_start(arguments, format);
        vsnprintf(why, sizeof why, format, arguments);
        va_end(arguments);
    }
    report(name, passed, why);
}

const char* test_path(const char* name)
{
    char* path = NULL;
    if (asprintf(&path, "%s/%s", test_directory, name) < 0)
        abort();
    return path; /* kept for the rest of the run */
}

static void remove_tree(const char* path)
{
    /* The test directory holds files and one level of directories. */
    char command[600];
    snprintf(command, sizeof command, "rm -rf '%s'", path);
    if (system(command) != 0)
        fprintf(stderr, "could not remove %s\n", path);
}

int main(int argc, char** argv, char** envp)
{
    test_program = argv[0];
    if (argc >= 2 && strncmp(argv[1], "--child=", 8) == 0)
        return child_main(argv[1] + 8, argc, argv);

    const char* wanted_prefix = getenv("BANOS_TEST_PREFIX");
    if (wanted_prefix != NULL)
        test_prefix = wanted_prefix;
    const char* temporary = getenv("TMPDIR");
    snprintf(test_directory, sizeof test_directory, "%s/banos-libc-XXXXXX", temporary != NULL ? temporary : "/tmp");
    if (mkdtemp(test_directory) == NULL) {
        printf("FAIL %ssetup.temporary_directory: %s\n", test_prefix, strerror(errno));
        return EXIT_FAILURE;
    }

    test_memory(); /* first: it checks that malloc gives everything back */
    test_start(argc, argv, envp);
    test_stdio();
    test_files();
    test_process();
    test_signals();
    test_misc();
    test_terminal();
    test_calls();

    remove_tree(test_directory);
    return test_failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
