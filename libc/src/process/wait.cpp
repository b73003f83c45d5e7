#include <banos/slots.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

extern "C" {

pid_t waitpid(pid_t pid, int* status, int options)
{
    return __banos_slot_waitpid(pid, status, options);
}

pid_t wait(int* status)
{
    return __banos_slot_waitpid(-1, status, 0);
}

pid_t wait4(pid_t pid, int* status, int options, struct rusage* usage)
{
    pid_t result = __banos_slot_waitpid(pid, status, options);
    if (result >= 0 && usage != nullptr)
        memset(usage, 0, sizeof *usage);
    return result;
}
}
