// fork, and the exec family over the execve slot.
#include <banos/slots.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../internal/failure.h"
#include "../internal/stdio.h"

using banos::libc::fail;

namespace {

constexpr const char* default_path = "/bin:/usr/bin";

// A script without a #! line (ENOEXEC): run it with /bin/sh, as POSIX says.
int run_with_shell(const char* path, char* const argv[], char* const envp[])
{
    size_t count = 0;
    while (argv[count] != nullptr)
        ++count;
    auto** shell_argv = static_cast<char**>(malloc((count + 2) * sizeof(char*)));
    if (shell_argv == nullptr)
        return -1;
    shell_argv[0] = const_cast<char*>("sh");
    shell_argv[1] = const_cast<char*>(path);
    for (size_t i = 1; i <= count; ++i)
        shell_argv[i + 1] = argv[i];
    __banos_slot_execve("/bin/sh", shell_argv, envp);
    int saved = errno;
    free(shell_argv);
    errno = saved;
    return -1;
}

// execve with the shell fallback.
int execute(const char* path, char* const argv[], char* const envp[])
{
    __banos_slot_execve(path, argv, envp);
    if (errno == ENOEXEC)
        return run_with_shell(path, argv, envp);
    return -1;
}

// The arguments of execl and friends as an array on the stack.
#define COLLECT_ARGUMENTS(first, last_named, extra)                       \
    size_t count = 1;                                                     \
    {                                                                     \
        va_list counting;                                                 \
        va_start(counting, last_named);                                   \
        while (va_arg(counting, const char*) != nullptr)                  \
            ++count;                                                      \
        va_end(counting);                                                 \
    }                                                                     \
    auto** argv = static_cast<char**>(__builtin_alloca((count + 1) * sizeof(char*))); \
    argv[0] = const_cast<char*>(first);                                   \
    va_list arguments;                                                    \
    va_start(arguments, last_named);                                      \
    for (size_t i = 1; i <= count; ++i)                                   \
        argv[i] = const_cast<char*>(va_arg(arguments, const char*));      \
    extra;                                                                \
    va_end(arguments)

} // namespace

extern "C" {

pid_t fork(void)
{
    // Output still buffered would otherwise be written twice.
    banos::libc::stdio::flush_all();
    return __banos_slot_fork();
}

int execve(const char* path, char* const argv[], char* const envp[])
{
    return __banos_slot_execve(path, argv, envp);
}

int execv(const char* path, char* const argv[])
{
    return execute(path, argv, environ);
}

int execvpe(const char* file, char* const argv[], char* const envp[])
{
    if (file[0] == '\0')
        return fail(ENOENT);
    if (strchr(file, '/') != nullptr)
        return execute(file, argv, envp);
    const char* search = getenv("PATH");
    if (search == nullptr)
        search = default_path;
    size_t file_length = strlen(file);
    if (file_length > NAME_MAX)
        return fail(ENAMETOOLONG);
    bool denied = false;
    for (const char* cursor = search;;) {
        const char* end = strchrnul(cursor, ':');
        size_t length = static_cast<size_t>(end - cursor);
        char candidate[PATH_MAX];
        if (length + 1 + file_length < sizeof candidate) {
            // An empty entry is the working directory.
            memcpy(candidate, cursor, length);
            if (length > 0)
                candidate[length++] = '/';
            memcpy(candidate + length, file, file_length + 1);
            execute(candidate, argv, envp);
            if (errno == EACCES)
                denied = true;
            else if (errno != ENOENT && errno != ENOTDIR)
                return -1; // found, but it failed for a reason to report
        }
        if (*end == '\0')
            break;
        cursor = end + 1;
    }
    return fail(denied ? EACCES : ENOENT);
}

int execvp(const char* file, char* const argv[])
{
    return execvpe(file, argv, environ);
}

int execl(const char* path, const char* argument, ...)
{
    COLLECT_ARGUMENTS(argument, argument, (void)0);
    return execute(path, argv, environ);
}

int execlp(const char* file, const char* argument, ...)
{
    COLLECT_ARGUMENTS(argument, argument, (void)0);
    return execvpe(file, argv, environ);
}

int execle(const char* path, const char* argument, ...)
{
    char* const* envp;
    COLLECT_ARGUMENTS(argument, argument, envp = va_arg(arguments, char* const*));
    return execute(path, argv, envp);
}
}
