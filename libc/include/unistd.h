/* POSIX calls over the program ABI's slots. Calls the ABI has no slot for
 * are built on others where that is honest (dup3 and pipe2 on dup2, pipe and
 * fcntl in ABI 1; sleep on nanosleep); the *at calls exist from ABI 2.
 * alarm, fsync and fchdir are slots from ABI 3; before it they fail with
 * ENOSYS. */
#ifndef __BANOS_UNISTD_H
#define __BANOS_UNISTD_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>
#include <bits/null.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define F_OK BANOS_F_OK
#define X_OK BANOS_X_OK
#define W_OK BANOS_W_OK
#define R_OK BANOS_R_OK

#include <bits/seek.h>

/* sysconf() names */
#define _SC_ARG_MAX 0
#define _SC_CHILD_MAX 1
#define _SC_CLK_TCK 2
#define _SC_NGROUPS_MAX 3
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84
#define _SC_LINE_MAX 43
#define _SC_HOST_NAME_MAX 180

#define _POSIX_VERSION 200809L

__BEGIN_DECLS

extern char** environ;

ssize_t read(int fd, void* buffer, size_t count);
ssize_t write(int fd, const void* buffer, size_t count);
ssize_t pread(int fd, void* buffer, size_t count, off_t offset);
ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int dup(int fd);
int dup2(int fd, int target);
/* dup2 that also sets close-on-exec with O_CLOEXEC; EINVAL if fd == target. */
int dup3(int fd, int target, int flags);
int pipe(int fds[2]);
/* flags: O_CLOEXEC, O_NONBLOCK. */
int pipe2(int fds[2], int flags);
int ftruncate(int fd, off_t length);
int fsync(int fd);
int truncate(const char* path, off_t length);
int isatty(int fd);

int chdir(const char* path);
int fchdir(int fd);
/* With buffer NULL and size 0, a malloc'd string of the right size. */
char* getcwd(char* buffer, size_t size);
int access(const char* path, int mode);
int unlink(const char* path);
int rmdir(const char* path);
int link(const char* existing, const char* created);
int chown(const char* path, uid_t owner, gid_t group);
#ifdef BANOS_HAS_SLOT_faccessat
int faccessat(int dirfd, const char* path, int mode, int flags);
#endif
#ifdef BANOS_HAS_SLOT_unlinkat
int unlinkat(int dirfd, const char* path, int flags);
#endif

pid_t fork(void);
int execve(const char* path, char* const argv[], char* const envp[]);
int execv(const char* path, char* const argv[]);
/* Search PATH (default "/bin:/usr/bin") when the file name has no '/'; a
 * file that is not an executable (ENOEXEC) runs with /bin/sh. */
int execvp(const char* file, char* const argv[]);
int execvpe(const char* file, char* const argv[], char* const envp[]);
int execl(const char* path, const char* argument, ...);
int execlp(const char* file, const char* argument, ...);
int execle(const char* path, const char* argument, ...);
__BANOS_NORETURN void _exit(int status);

pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);
int setuid(uid_t uid);
int setgid(gid_t gid);
int setpgid(pid_t pid, pid_t group);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
int setpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t group);

unsigned int sleep(unsigned int seconds);
int usleep(useconds_t microseconds);
/* SIGALRM in `seconds` (0 cancels); returns what the previous alarm had
 * left, in whole seconds rounded up. ENOSYS (and 0) before ABI 3. */
unsigned int alarm(unsigned int seconds);
int pause(void);

long sysconf(int name);
int getpagesize(void);
/* From uname where the ABI has it (ABI 2 on); "banos" otherwise. */
int gethostname(char* name, size_t size);

/* POSIX getopt: optstring letters, ':' after one that takes an argument,
 * a leading ':' for silent errors ('?' or ':' returned, optopt set), a
 * leading '+' accepted; stops at the first non-option and after "--".
 * Set optind to 1 (or 0, for a full reset) to scan again. */
int getopt(int argc, char* const argv[], const char* optstring);
extern char* optarg;
extern int optind, opterr, optopt;

__END_DECLS

#endif
