/* waitpid and the status macros. The status word follows the program ABI
 * (types.h): (code << 8) for an exit, the signal number (| 0x80 with a
 * core dump) for a kill; a stopped child reports (signal << 8) | 0x7f, a
 * continued one 0xffff (the System V convention the ABI's numbers follow). */
#ifndef __BANOS_SYS_WAIT_H
#define __BANOS_SYS_WAIT_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

#define WNOHANG BANOS_WNOHANG
#define WUNTRACED BANOS_WUNTRACED

#define WEXITSTATUS(status) (((status) >> 8) & 0xff)
#define WTERMSIG(status) ((status) & 0x7f)
#define WSTOPSIG(status) WEXITSTATUS(status)
#define WIFEXITED(status) (WTERMSIG(status) == 0)
#define WIFSIGNALED(status) (WTERMSIG(status) != 0 && WTERMSIG(status) != 0x7f)
#define WIFSTOPPED(status) (((status) & 0xff) == 0x7f)
#define WIFCONTINUED(status) ((status) == 0xffff)
#define WCOREDUMP(status) ((status) & 0x80)

struct rusage;

__BEGIN_DECLS

pid_t waitpid(pid_t pid, int* status, int options);
pid_t wait(int* status);
/* waitpid; the usage, if asked for, is all zero (no slot reports it). */
pid_t wait4(pid_t pid, int* status, int options, struct rusage* usage);

__END_DECLS

#endif
