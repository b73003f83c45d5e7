/* Who the process is: ids, and changing them (in children, which the
 * fast paths must follow: the kernel rewrites the per-process page). */
#include "conformance.h"

#include <sys/auxv.h>
#include <sys/wait.h>
#include <unistd.h>

TEST(identity, getpid, "getpid")
{
    /* The kernel's own answer, given at exec, must agree with whatever
     * path (shared page or trap) this layer takes. */
    int32_t pid = __banos_slot_getpid();
    EXPECT(pid > 0 && (unsigned long)pid == getauxval(AT_BANOS_PID), "getpid() %d, exec said %lu", pid,
           getauxval(AT_BANOS_PID));
    EXPECT(__banos_slot_getpid() == pid, "getpid changed");
}

static int child_reports_ids(void* parent)
{
    /* A fresh process: its own pid, its parent's, the same ids. */
    int32_t pid = __banos_slot_getpid();
    if (pid <= 0 || pid == *(int32_t*)parent)
        return 1;
    if (__banos_slot_getppid() != *(int32_t*)parent)
        return 2;
    if (__banos_slot_getuid() != getauxval(AT_UID) || __banos_slot_getgid() != getauxval(AT_GID))
        return 3;
    return 0;
}

TEST(identity, getppid, "getppid fork")
{
    int32_t parent = __banos_slot_getpid();
    EXPECT(__banos_slot_getppid() >= 0, "getppid() %d", __banos_slot_getppid());
    EXPECT(__banos_slot_getppid() != parent, "getppid() is my own pid");
    int status = conformance_in_child(child_reports_ids, &parent);
    EXPECT(status == 0, "the child's ids were wrong: status %#x (1 pid, 2 ppid, 3 uid/gid)", status);
}

TEST(identity, user_and_group_ids, "getuid geteuid getgid getegid")
{
    EXPECT(__banos_slot_getuid() == getauxval(AT_UID), "getuid() %u, exec said %lu", __banos_slot_getuid(),
           getauxval(AT_UID));
    EXPECT(__banos_slot_geteuid() == getauxval(AT_EUID), "geteuid() %u, exec said %lu", __banos_slot_geteuid(),
           getauxval(AT_EUID));
    EXPECT(__banos_slot_getgid() == getauxval(AT_GID), "getgid() %u, exec said %lu", __banos_slot_getgid(),
           getauxval(AT_GID));
    EXPECT(__banos_slot_getegid() == getauxval(AT_EGID), "getegid() %u, exec said %lu", __banos_slot_getegid(),
           getauxval(AT_EGID));
    /* The matrix runs the suite as root. */
    EXPECT(__banos_slot_geteuid() == 0, "not run as root (euid %u)", __banos_slot_geteuid());
}

static int child_drops_privileges(void* unused)
{
    (void)unused;
    if (__banos_slot_setgid(1000) != 0)
        return 10;
    if (__banos_slot_getgid() != 1000 || __banos_slot_getegid() != 1000)
        return 11;
    if (__banos_slot_setuid(1000) != 0)
        return 12;
    if (__banos_slot_getuid() != 1000 || __banos_slot_geteuid() != 1000)
        return 13;
    /* Gone for good: no way back to root or to another user. */
    errno = 0;
    if (__banos_slot_setuid(0) != -1 || errno != EPERM)
        return 14;
    errno = 0;
    if (__banos_slot_setgid(0) != -1 || errno != EPERM)
        return 15;
    errno = 0;
    if (__banos_slot_setuid(1001) != -1 || errno != EPERM)
        return 16;
    /* Setting what it already has is allowed. */
    if (__banos_slot_setuid(1000) != 0)
        return 17;
    return 0;
}

TEST(identity, setuid_setgid, "setuid setgid getuid geteuid getgid getegid")
{
    int status = conformance_in_child(child_drops_privileges, NULL);
    EXPECT(status == 0, "child status %#x (exit %d: 10/12 set failed, 11/13 ids not seen, 14-16 not EPERM, 17 "
           "same id refused)", status, WEXITSTATUS(status));
    /* The parent kept its ids. */
    EXPECT(__banos_slot_getuid() == 0 && __banos_slot_getgid() == 0, "the parent's ids changed");
}
