/* sh: a POSIX-style shell for banos.
 *
 *   sh                      interactive when stdin is a terminal
 *   sh -c 'command' [name [args...]]
 *   sh script [args...]
 *   options: -i interactive, -l login (reads /etc/profile, ~/.profile),
 *            -s read stdin, -x trace, -e exit on error
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jobs.h"
#include "run.h"
#include "shell.h"
#include "util.h"
#include "vars.h"

extern char **environ;

struct shell shell;

void shell_exit(int status)
{
    fflush(stdout);
    fflush(stderr);
    exit(status & 0xff);
}

static void usage(void)
{
    fprintf(stderr, "usage: sh [-eilsx] [-c command [name [arg...]] | script [arg...]]\n");
    exit(2);
}

static void run_profile(const char *path)
{
    if (access(path, R_OK) == 0) {
        shell.dot_depth++;
        run_file(path);
        shell.dot_depth--;
        shell.returning = 0;
    }
}

int main(int argc, char **argv)
{
    shell.pid = getpid();
    shell.arg0 = argv[0];
    vars_init(environ);
    /* POSIX: IFS starts as space, tab, newline whatever the environment
     * says (a hostile IFS must not change how scripts split words). */
    var_set("IFS", " \t\n");
    if (!var_get("PATH")) {
        var_set("PATH", "/bin:/usr/bin");
        var_export("PATH");
    }
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) {
        var_set("PWD", cwd);
        var_export("PWD");
    }

    int command_mode = 0, force_interactive = 0, read_stdin = 0;
    int login = argv[0][0] == '-';
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        for (const char *o = argv[i] + 1; *o; o++) {
            switch (*o) {
            case 'c':
                command_mode = 1;
                break;
            case 'i':
                force_interactive = 1;
                break;
            case 'l':
                login = 1;
                break;
            case 's':
                read_stdin = 1;
                break;
            case 'x':
                shell.xtrace = 1;
                break;
            case 'e':
                shell.errexit = 1;
                break;
            default:
                fprintf(stderr, "sh: -%c: invalid option\n", *o);
                usage();
            }
        }
    }

    const char *command = NULL, *script = NULL;
    if (command_mode) {
        if (i >= argc) {
            fprintf(stderr, "sh: -c: option requires an argument\n");
            usage();
        }
        command = argv[i++];
        if (i < argc)
            shell.arg0 = argv[i++];
    } else if (i < argc && !read_stdin) {
        script = argv[i++];
        shell.arg0 = argv[i - 1];
    }
    shell.argc = argc - i;
    shell.argv = argv + i;

    shell.interactive = force_interactive || (!command && !script && isatty(0) && isatty(2));
    if (shell.interactive)
        jobs_init_interactive();
    if (login) {
        run_profile("/etc/profile");
        const char *home = var_get("HOME");
        if (home) {
            struct strbuf path;
            sb_init(&path);
            sb_puts(&path, home);
            sb_puts(&path, "/.profile");
            run_profile(path.s);
            sb_free(&path);
        }
    }

    if (command) {
        run_string(command, strlen(command));
    } else if (script) {
        shell.script_name = script;
        if (run_file(script) < 0)
            shell_exit(127);
    } else {
        run_fd(0, shell.interactive);
        if (shell.interactive)
            fputs("exit\n", stderr);
    }
    shell_exit(shell.last_status);
}
