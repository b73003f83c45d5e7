#ifndef __BANOS_UNISTD_H
#define __BANOS_UNISTD_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <bits/null.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

__BEGIN_DECLS

extern char** environ;

ssize_t read(int fd, void* buffer, size_t count);
ssize_t write(int fd, const void* buffer, size_t count);
__BANOS_NORETURN void _exit(int status);
pid_t getpid(void);
pid_t getppid(void);
uid_t getuid(void);
uid_t geteuid(void);

__END_DECLS

#endif
