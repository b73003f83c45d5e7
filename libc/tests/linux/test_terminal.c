/* Terminal attributes on a pseudo-terminal (when the host has /dev/ptmx):
 * isatty, tcgetattr/tcsetattr/cfmakeraw, the window size and the
 * foreground process group, all over the ioctl slot. Linux's own requests
 * set the pseudo-terminal up (this test runs on Linux only). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <termios.h>
#include <unistd.h>

#include "harness.h"

#define LINUX_TIOCGPTN 0x80045430u
#define LINUX_TIOCSPTLCK 0x40045431u

void test_terminal(void)
{
    int fd = open("/dev/null", O_RDWR);
    errno = 0;
    CHECK("terminal.not_a_tty", isatty(fd) == 0 && errno == ENOTTY);
    close(fd);

    int master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    unsigned int number = 0;
    int unlock = 0;
    if (master < 0 || ioctl(master, LINUX_TIOCSPTLCK, &unlock) != 0 || ioctl(master, LINUX_TIOCGPTN, &number) != 0) {
        printf("# %sterminal: no pseudo-terminals here, skipped\n", test_prefix);
        if (master >= 0)
            close(master);
        return;
    }
    char name[64] = "";
    snprintf(name, sizeof name, "/dev/pts/%u", number);
    int slave = open(name, O_RDWR | O_NOCTTY);
    CHECK("terminal.isatty", slave >= 0 && isatty(slave) == 1);

    struct termios attributes;
    CHECK("terminal.tcgetattr", tcgetattr(slave, &attributes) == 0 && (attributes.c_lflag & ICANON)
            && (attributes.c_lflag & ECHO) && attributes.c_cc[VINTR] == 3 && attributes.c_cc[VEOF] == 4);
    struct termios raw = attributes;
    cfmakeraw(&raw);
    CHECK("terminal.cfmakeraw", !(raw.c_lflag & (ICANON | ECHO | ISIG)) && !(raw.c_oflag & OPOST)
            && raw.c_cc[VMIN] == 1);
    struct termios check;
    CHECK("terminal.tcsetattr", tcsetattr(slave, TCSANOW, &raw) == 0 && tcgetattr(slave, &check) == 0
            && !(check.c_lflag & (ICANON | ECHO)));
    /* Raw: a byte written to the master reaches the reader unbuffered. */
    char byte = 0;
    CHECK("terminal.raw_io", write(master, "k", 1) == 1 && read(slave, &byte, 1) == 1 && byte == 'k');
    CHECK("terminal.restore", tcsetattr(slave, TCSAFLUSH, &attributes) == 0 && tcgetattr(slave, &check) == 0
            && (check.c_lflag & ICANON));
    errno = 0;
    CHECK("terminal.bad_when", tcsetattr(slave, 99, &attributes) == -1 && errno == EINVAL);
    CHECK("terminal.speeds", cfsetospeed(&check, cfgetispeed(&attributes)) == 0
            && cfgetospeed(&check) == cfgetispeed(&attributes));

    struct winsize size = { 40, 132, 0, 0 }, read_back;
    CHECK("terminal.window_size", ioctl(slave, TIOCSWINSZ, &size) == 0 && ioctl(slave, TIOCGWINSZ, &read_back) == 0
            && read_back.ws_row == 40 && read_back.ws_col == 132);

    /* A prompt without a newline appears before the program reads its
     * answer: reading a terminal flushes line-buffered stdout. */
    pid_t reader = fork();
    if (reader == 0) {
        dup2(slave, STDIN_FILENO);
        dup2(slave, STDOUT_FILENO);
        char* prompt_argv[] = { (char*)test_program, "--child=prompt", NULL };
        execv(test_program, prompt_argv);
        _exit(126);
    }
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK);
    char seen[256];
    size_t length = 0;
    bool prompted = false, answered = false;
    for (int attempt = 0; attempt < 400 && !answered; ++attempt) {
        ssize_t got = read(master, seen + length, sizeof seen - 1 - length);
        if (got > 0) {
            length += (size_t)got;
            seen[length] = '\0';
        }
        if (!prompted && strstr(seen, "prompt> ") != NULL) {
            prompted = true;
            write(master, "hello\n", 6);
        }
        answered = strstr(seen, "got hello") != NULL;
        struct timespec moment = { 0, 5000000 };
        if (!answered)
            nanosleep(&moment, NULL);
    }
    int reader_status = -1;
    if (!answered)
        kill(reader, SIGKILL);
    waitpid(reader, &reader_status, 0);
    fcntl(master, F_SETFL, fcntl(master, F_GETFL) & ~O_NONBLOCK);
    check_format("terminal.prompt_flushed_before_read", prompted && answered && reader_status == 0,
        "saw \"%s\"", length > 0 ? seen : "");

    /* A new session takes the terminal; its process group is in front. */
    pid_t pid = fork();
    if (pid == 0) {
        bool ok = setsid() == getpid() && ioctl(slave, TIOCSCTTY, 0) == 0 && tcgetpgrp(slave) == getpid();
        ok = ok && setpgid(0, 0) == -1 && errno == EPERM; /* a session leader stays in its group */
        ok = ok && tcsetpgrp(slave, getpid()) == 0;
        _exit(ok ? 0 : 1);
    }
    int status = -1;
    CHECK("terminal.process_group", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(slave);
    close(master);
}
