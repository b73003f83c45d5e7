#include <banos/slots.h>
#include <sys/ioctl.h>
#include <unistd.h>

extern "C" {

pid_t getpid(void) { return __banos_slot_getpid(); }
pid_t getppid(void) { return __banos_slot_getppid(); }
uid_t getuid(void) { return __banos_slot_getuid(); }
uid_t geteuid(void) { return __banos_slot_geteuid(); }
gid_t getgid(void) { return __banos_slot_getgid(); }
gid_t getegid(void) { return __banos_slot_getegid(); }
int setuid(uid_t uid) { return __banos_slot_setuid(uid); }
int setgid(gid_t gid) { return __banos_slot_setgid(gid); }
int setpgid(pid_t pid, pid_t group) { return __banos_slot_setpgid(pid, group); }
pid_t getpgid(pid_t pid) { return __banos_slot_getpgid(pid); }
pid_t getpgrp(void) { return __banos_slot_getpgid(0); }
int setpgrp(void) { return __banos_slot_setpgid(0, 0); }
pid_t setsid(void) { return __banos_slot_setsid(); }
pid_t getsid(pid_t pid) { return __banos_slot_getsid(pid); }

pid_t tcgetpgrp(int fd)
{
    int32_t group = 0;
    if (__banos_slot_ioctl(fd, TIOCGPGRP, reinterpret_cast<uint64_t>(&group)) != 0)
        return -1;
    return group;
}

int tcsetpgrp(int fd, pid_t group)
{
    int32_t value = group;
    return __banos_slot_ioctl(fd, TIOCSPGRP, reinterpret_cast<uint64_t>(&value));
}
}
