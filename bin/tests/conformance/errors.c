/* errno: the numbers are the program ABI's (errno.def), whatever error
 * enumeration the kernel uses (kernel ABI 3 has its own): the layer
 * translates. Each area's tests check the errno of their own failures;
 * these check the numbering itself and failures of every kind at once. */
#include "conformance.h"

#include <fcntl.h>
#include <unistd.h>

TEST(errors, numbers, "open read")
{
    /* The numbers programs are built with: System V x86_64's. */
    static const struct {
        int value, number;
        const char* name;
    } expected[] = {
        { EPERM, 1, "EPERM" },     { ENOENT, 2, "ENOENT" },   { EINTR, 4, "EINTR" },   { EBADF, 9, "EBADF" },
        { ECHILD, 10, "ECHILD" },  { EAGAIN, 11, "EAGAIN" },  { EACCES, 13, "EACCES" }, { EFAULT, 14, "EFAULT" },
        { EEXIST, 17, "EEXIST" },  { ENOTDIR, 20, "ENOTDIR" }, { EISDIR, 21, "EISDIR" }, { EINVAL, 22, "EINVAL" },
        { ESPIPE, 29, "ESPIPE" },  { EPIPE, 32, "EPIPE" },    { ERANGE, 34, "ERANGE" }, { ENOSYS, 38, "ENOSYS" },
        { ENOTEMPTY, 39, "ENOTEMPTY" }, { EOVERFLOW, 75, "EOVERFLOW" },
    };
    for (size_t i = 0; i < sizeof(expected) / sizeof(expected[0]); ++i)
        EXPECT(expected[i].value == expected[i].number, "%s is %d, expected %d", expected[i].name, expected[i].value,
               expected[i].number);
    /* And the layer stores exactly these. */
    errno = 0;
    EXPECT(__banos_slot_open("/no/such/file", O_RDONLY, 0) == -1 && errno == 2, "ENOENT arrived as %d", errno);
    errno = 0;
    char c;
    EXPECT(__banos_slot_read(-1, &c, 1) == -1 && errno == 9, "EBADF arrived as %d", errno);
}

TEST(errors, last_failure_wins, "open close")
{
    /* errno keeps the latest failure's number; a success in between
     * leaves it alone. */
    errno = 0;
    __banos_slot_open("/no/such/file", O_RDONLY, 0);
    int fd = __banos_slot_open("/dev/null", O_RDONLY, 0);
    EXPECT(errno == ENOENT, "a successful open changed errno to %s", conformance_errno_name(errno));
    __banos_slot_close(fd);
    EXPECT(errno == ENOENT, "a successful close changed errno to %s", conformance_errno_name(errno));
    __banos_slot_close(fd);
    EXPECT(errno == EBADF, "after closing twice errno is %s", conformance_errno_name(errno));
}
