/* The system: uname, sched_yield, and from ABI 2 sysconf, getrandom,
 * sched_getcpu, and the refusals of banos_install and mount (a module or a
 * mount would outlive the suite; the modules test covers success). Kernel
 * ABI 1 has no entropy for programs: getrandom fails with ENOSYS there. */
#include "conformance.h"

#include <unistd.h>

TEST(system, sched_yield, "sched_yield")
{
    for (int i = 0; i < 20; ++i)
        EXPECT(__banos_slot_sched_yield() == 0, "sched_yield: %s", conformance_errno_name(errno));
}

#if BANOS_PROGRAM_ABI >= 2
TEST(system, uname, "uname")
{
    _Static_assert(sizeof(struct banos_v2_utsname) == 325 && offsetof(struct banos_v2_utsname, nodename) == 65
                       && offsetof(struct banos_v2_utsname, machine) == 260,
                   "banos_v2_utsname's layout");
    struct {
        struct banos_v2_utsname name;
        unsigned char guard[16];
    } out;
    memset(&out, 0x7f, sizeof(out));
    EXPECT(__banos_slot_uname(&out.name) == 0, "uname: %s", conformance_errno_name(errno));
    EXPECT(strcmp(out.name.sysname, "banos") == 0, "sysname '%.20s'", out.name.sysname);
    EXPECT(strcmp(out.name.machine, "x86_64") == 0, "machine '%.20s'", out.name.machine);
    EXPECT(memchr(out.name.nodename, 0, sizeof(out.name.nodename)) && memchr(out.name.release, 0, sizeof(out.name.release))
               && memchr(out.name.version, 0, sizeof(out.name.version)) && out.name.release[0] && out.name.version[0],
           "fields not terminated or empty");
    int guard_ok = 1;
    for (size_t i = 0; i < sizeof(out.guard); ++i)
        guard_ok &= out.guard[i] == 0x7f;
    EXPECT(guard_ok, "uname wrote past the structure");
    /* Every path (shared page or trap) gives the same answer. */
    struct banos_v2_utsname again;
    EXPECT(__banos_slot_uname(&again) == 0 && memcmp(&again, &out.name, sizeof(again)) == 0,
           "two calls gave different names");
}

TEST(system, sysconf, "sysconf")
{
    int64_t online = __banos_slot_sysconf(BANOS_SC_NPROCESSORS_ONLN);
    int64_t configured = __banos_slot_sysconf(BANOS_SC_NPROCESSORS_CONF);
    EXPECT(online >= 1 && online <= 256, "_SC_NPROCESSORS_ONLN %lld", (long long)online);
    EXPECT(configured >= online, "_SC_NPROCESSORS_CONF %lld < ONLN %lld", (long long)configured, (long long)online);
    /* The layer knows only these names; libc answers the rest itself. */
    EXPECT_ERRNO(__banos_slot_sysconf(30), EINVAL);
    EXPECT_ERRNO(__banos_slot_sysconf(-1), EINVAL);
    EXPECT(sysconf(_SC_NPROCESSORS_ONLN) == online, "libc's sysconf disagrees with the slot");
}

TEST(system, sched_getcpu, "sched_getcpu sysconf")
{
    int64_t cpus = __banos_slot_sysconf(BANOS_SC_NPROCESSORS_ONLN);
    int ok = 1;
    int32_t cpu = -2;
    for (int i = 0; i < 200 && ok; ++i) {
        cpu = __banos_slot_sched_getcpu();
        ok = cpu >= 0 && cpu < cpus;
        if (i % 20 == 0)
            __banos_slot_sched_yield();
    }
    EXPECT(ok, "sched_getcpu %d with %lld CPUs (%s)", cpu, (long long)cpus, conformance_errno_name(errno));
}

TEST(system, getrandom, "getrandom")
{
    unsigned char a[64], b[64];
    memset(a, 0, sizeof(a));
    memset(b, 0, sizeof(b));
    if (conformance_kernel_abi() == 1) {
        /* Nothing to emulate it with honestly. */
        EXPECT_ERRNO(__banos_slot_getrandom(a, sizeof(a), 0), ENOSYS);
        EXPECT_ERRNO(__banos_slot_getrandom(a, sizeof(a), BANOS_GRND_NONBLOCK), ENOSYS);
        return;
    }
    EXPECT(__banos_slot_getrandom(a, sizeof(a), 0) == 64, "getrandom: %s", conformance_errno_name(errno));
    EXPECT(__banos_slot_getrandom(b, sizeof(b), BANOS_GRND_NONBLOCK) == 64, "GRND_NONBLOCK: %s",
           conformance_errno_name(errno));
    EXPECT(memcmp(a, b, sizeof(a)) != 0, "two reads gave the same 64 bytes");
    int zeros = 0;
    for (size_t i = 0; i < sizeof(a); ++i)
        zeros += a[i] == 0;
    EXPECT(zeros < 16, "%d of 64 random bytes are zero", zeros);
    /* An odd size fills exactly that many bytes. */
    unsigned char c[8];
    memset(c, 0xee, sizeof(c));
    int64_t n = __banos_slot_getrandom(c, 5, 0);
    EXPECT(n == 5 && c[5] == 0xee && c[6] == 0xee && c[7] == 0xee, "getrandom of 5 bytes = %lld, wrote past",
           (long long)n);
    EXPECT(__banos_slot_getrandom(c, 0, 0) == 0, "getrandom of 0 bytes");
    EXPECT_ERRNO(__banos_slot_getrandom(a, sizeof(a), 0x100), EINVAL);
    EXPECT_ERRNO(__banos_slot_getrandom((void*)16, 8, 0), EFAULT);
}
#endif

#if BANOS_PROGRAM_ABI >= 2
static int child_installs_as_user(void* unused)
{
    static const unsigned char header[64] = { 0x7f, 'E', 'L', 'F', 2, 1, 1 };
    (void)unused;
    if (__banos_slot_setuid(1000) != 0)
        return 10;
    errno = 0;
    if (__banos_slot_banos_install(header, sizeof(header)) != -1 || errno != EPERM)
        return 11;
    return 0;
}

/* Only the refusals: a module, once installed, stays for the boot. */
TEST(system, banos_install_refusals, "banos_install")
{
    static const unsigned char junk[16] = "not a module";
    EXPECT_ERRNO(__banos_slot_banos_install(junk, sizeof(junk)), ENOEXEC);
    EXPECT_ERRNO(__banos_slot_banos_install((const void*)16, 4096), EFAULT);
    int status = conformance_in_child(child_installs_as_user, NULL);
    EXPECT(status == 0, "child status %#x (exit 10: setuid failed, 11: not EPERM for uid 1000)", status);
}
#endif

#if BANOS_PROGRAM_ABI >= 2
static int child_mounts_as_user(void* unused)
{
    (void)unused;
    if (__banos_slot_setuid(1000) != 0)
        return 10;
    errno = 0;
    if (__banos_slot_mount("none", "/tmp", "tmpfs", 0) != -1 || errno != EPERM)
        return 11;
    return 0;
}

/* Only the refusals: nothing can unmount, and the suite leaves no trace. */
TEST(system, mount_refusals, "mount")
{
    EXPECT_ERRNO(__banos_slot_mount("none", "/tmp", "no-such-type", 0), ENODEV);
    EXPECT_ERRNO(__banos_slot_mount("none", "/no/such/directory", "tmpfs", 0), ENOENT);
    EXPECT_ERRNO(__banos_slot_mount("none", "/tmp", "tmpfs", 1), EINVAL);
    EXPECT_ERRNO(__banos_slot_mount("none", "/proc/meminfo", "tmpfs", 0), ENOTDIR);
    int status = conformance_in_child(child_mounts_as_user, NULL);
    EXPECT(status == 0, "child status %#x (exit 10: setuid failed, 11: not EPERM for uid 1000)", status);
}
#endif
