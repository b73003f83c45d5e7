/* Memory mappings: anonymous and file mappings, unmapping, protection,
 * and the window, which the program cannot touch. Faults are provoked in
 * children, which must die of SIGSEGV. */
#include "conformance.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

enum { kPage = 4096 };

static int64_t map_anonymous(uint64_t length, int protection)
{
    return __banos_slot_mmap(0, length, protection, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
}

static int child_touches(void* address)
{
    *(volatile char*)address = 1;
    return 0; /* reached only if the write did not fault */
}

static int child_reads(void* address) { return *(volatile char*)address == 0 ? 0 : 1; }

static int died_of_sigsegv(int status) { return WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV; }

TEST(memory, mmap_anonymous, "mmap munmap")
{
    int64_t address = map_anonymous(3 * kPage, PROT_READ | PROT_WRITE);
    REQUIRE(address != -1 && address % kPage == 0, "mmap = %#llx: %s", (long long)address,
            conformance_errno_name(errno));
    unsigned char* bytes = (unsigned char*)(uintptr_t)address;
    int zero = 1;
    for (int i = 0; i < 3 * kPage; ++i)
        zero &= bytes[i] == 0;
    EXPECT(zero, "a new anonymous mapping is not zero-filled");
    memset(bytes, 0x5a, 3 * kPage);
    EXPECT(bytes[0] == 0x5a && bytes[3 * kPage - 1] == 0x5a, "writes did not stick");
    /* A second mapping does not overlap the first. */
    int64_t other = map_anonymous(kPage, PROT_READ);
    EXPECT(other != -1 && (other + kPage <= address || other >= address + 3 * kPage), "mappings overlap");
    EXPECT(__banos_slot_munmap((uint64_t)other, kPage) == 0, "munmap: %s", conformance_errno_name(errno));
    /* Unmapping the middle page leaves a hole that faults. */
    EXPECT(__banos_slot_munmap((uint64_t)address + kPage, kPage) == 0, "munmap of the middle page: %s",
           conformance_errno_name(errno));
    EXPECT(bytes[0] == 0x5a && bytes[2 * kPage] == 0x5a, "the pages around the hole changed");
    int status = conformance_in_child(child_touches, bytes + kPage);
    EXPECT(died_of_sigsegv(status), "writing into the hole: status %#x", status);
    /* MAP_FIXED puts a fresh page exactly there. */
    int64_t fixed = __banos_slot_mmap((uint64_t)address + kPage, kPage, PROT_READ | PROT_WRITE,
                                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    EXPECT(fixed == address + kPage && bytes[kPage] == 0, "MAP_FIXED = %#llx", (long long)fixed);
    EXPECT(__banos_slot_munmap((uint64_t)address, 3 * kPage) == 0, "munmap of all: %s", conformance_errno_name(errno));
}

TEST(memory, mmap_errors, "mmap munmap")
{
    EXPECT_ERRNO(map_anonymous(0, PROT_READ), EINVAL);
    EXPECT_ERRNO(__banos_slot_mmap(0, kPage, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL); /* neither private nor shared */
    EXPECT_ERRNO(__banos_slot_mmap(0, kPage, PROT_READ, MAP_PRIVATE | MAP_SHARED | MAP_ANONYMOUS, -1, 0), EINVAL);
    EXPECT_ERRNO(__banos_slot_mmap(0x10001, kPage, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0), EINVAL);
    EXPECT_ERRNO(__banos_slot_mmap(0, kPage, 0x100, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), EINVAL);
    EXPECT_ERRNO(__banos_slot_mmap(0, kPage, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
    int fd = open("/dev/null", O_RDONLY);
    EXPECT_ERRNO(__banos_slot_mmap(0, kPage, PROT_READ, MAP_PRIVATE, fd, 0), ENODEV);
    close(fd);
    EXPECT_ERRNO(__banos_slot_munmap(0x10001, kPage), EINVAL);
    EXPECT_ERRNO(__banos_slot_munmap(0x10000, 0), EINVAL);
}

TEST(memory, mmap_file, "mmap")
{
    SCRATCH(path, "mapped");
    char text[2 * kPage];
    memset(text, 'm', sizeof(text) - 1);
    text[sizeof(text) - 1] = 0;
    memcpy(text + kPage, "second page", 11);
    REQUIRE(conformance_write_file(path, text) == 0, "cannot create %s", path);
    int fd = open(path, O_RDONLY);
    int64_t address = __banos_slot_mmap(0, 2 * kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    EXPECT(address != -1, "mmap of a file: %s", conformance_errno_name(errno));
    if (address != -1) {
        char* bytes = (char*)(uintptr_t)address;
        EXPECT(bytes[0] == 'm' && memcmp(bytes + kPage, "second page", 11) == 0 && bytes[2 * kPage - 1] == 0,
               "the mapping does not show the file");
        /* Private: writes stay in this process. */
        bytes[0] = 'X';
        char c = 0;
        EXPECT(pread(fd, &c, 1, 0) == 1 && c == 'm', "a private mapping wrote through to the file");
        munmap(bytes, 2 * kPage);
    }
    /* At an offset: the second page. */
    address = __banos_slot_mmap(0, kPage, PROT_READ, MAP_PRIVATE, fd, kPage);
    EXPECT(address != -1 && memcmp((char*)(uintptr_t)address, "second page", 11) == 0, "offset mapping");
    if (address != -1)
        munmap((void*)(uintptr_t)address, kPage);
    EXPECT_ERRNO(__banos_slot_mmap(0, kPage, PROT_READ, MAP_PRIVATE, fd, 100), EINVAL);
    close(fd);
    fd = open(path, O_WRONLY);
    EXPECT_ERRNO(__banos_slot_mmap(0, kPage, PROT_READ, MAP_PRIVATE, fd, 0), EACCES);
    close(fd);
    unlink(path);
}

#ifdef BANOS_MAP_POPULATE
/* The process's resident kB (VmRSS in /proc/self/status), or -1. */
static long resident_kb(void)
{
    char status[1024];
    int fd = open("/proc/self/status", O_RDONLY);
    if (fd < 0)
        return -1;
    ssize_t got = read(fd, status, sizeof(status) - 1);
    close(fd);
    if (got <= 0)
        return -1;
    status[got] = 0;
    const char* line = strstr(status, "VmRSS:");
    return line ? strtol(line + 6, NULL, 10) : -1;
}

/* MAP_POPULATE: every page is there at once (the file's read-only pages
 * lent, writable ones copied), and the mapping means exactly what it
 * would without the flag. */
TEST(memory, mmap_populate, "mmap")
{
    enum { kPages = 32 };
    SCRATCH(path, "populated");
    static char text[kPages * kPage + 1];
    for (int i = 0; i < kPages; ++i)
        memset(text + i * kPage, 'a' + i % 26, kPage);
    REQUIRE(conformance_write_file(path, text) == 0, "cannot create %s", path);
    int fd = open(path, O_RDONLY);
    long before = resident_kb();
    int64_t lazy = __banos_slot_mmap(0, kPages * kPage, PROT_READ, MAP_PRIVATE, fd, 0);
    long after_lazy = resident_kb();
    int64_t eager = __banos_slot_mmap(0, kPages * kPage, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    long after_eager = resident_kb();
    int64_t copied = __banos_slot_mmap(0, kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_POPULATE, fd, kPage);
    REQUIRE(lazy != -1 && eager != -1 && copied != -1, "mmap: %s", conformance_errno_name(errno));
    EXPECT(before >= 0 && after_lazy - before < kPages * 4, "a lazy mapping made %ld kB resident", after_lazy - before);
    EXPECT(after_eager - after_lazy >= kPages * 4, "MAP_POPULATE made %ld kB resident, not %d", after_eager - after_lazy,
           kPages * 4);
    const char* bytes = (const char*)(uintptr_t)eager;
    int same = 1;
    for (int i = 0; i < kPages; ++i)
        same &= bytes[i * kPage] == 'a' + i % 26 && bytes[i * kPage + kPage - 1] == 'a' + i % 26;
    EXPECT(same, "a populated mapping does not show the file");
    char* writable = (char*)(uintptr_t)copied;
    writable[0] = 'Z';
    char c = 0;
    EXPECT(writable[1] == 'b' && pread(fd, &c, 1, kPage) == 1 && c == 'b',
           "a populated private mapping wrote through to the file");
    EXPECT(__banos_slot_mmap(0, kPage, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0) != -1,
           "anonymous MAP_POPULATE: %s", conformance_errno_name(errno));
    munmap((void*)(uintptr_t)lazy, kPages * kPage);
    munmap((void*)(uintptr_t)eager, kPages * kPage);
    munmap(writable, kPage);
    close(fd);
    unlink(path);
}
#endif

TEST(memory, mmap_shared_across_fork, "mmap fork")
{
    int64_t shared = __banos_slot_mmap(0, kPage, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int64_t private = map_anonymous(kPage, PROT_READ | PROT_WRITE);
    REQUIRE(shared != -1 && private != -1, "mmap: %s", conformance_errno_name(errno));
    volatile int* s = (volatile int*)(uintptr_t)shared;
    volatile int* p = (volatile int*)(uintptr_t)private;
    *s = 1;
    *p = 1;
    pid_t pid = conformance_fork();
    if (pid == 0) {
        *s = 2;
        *p = 2;
        _exit(0);
    }
    conformance_wait(pid);
    EXPECT(*s == 2, "the child's write to a MAP_SHARED page did not reach the parent");
    EXPECT(*p == 1, "the child's write to a MAP_PRIVATE page reached the parent");
    munmap((void*)(uintptr_t)shared, kPage);
    munmap((void*)(uintptr_t)private, kPage);
}

TEST(memory, mprotect, "mprotect")
{
    int64_t address = map_anonymous(2 * kPage, PROT_READ | PROT_WRITE);
    REQUIRE(address != -1, "mmap: %s", conformance_errno_name(errno));
    char* bytes = (char*)(uintptr_t)address;
    bytes[0] = 7;
    EXPECT(__banos_slot_mprotect((uint64_t)address, kPage, PROT_READ) == 0, "mprotect read-only: %s",
           conformance_errno_name(errno));
    EXPECT(bytes[0] == 7, "the data changed");
    int status = conformance_in_child(child_touches, bytes);
    EXPECT(died_of_sigsegv(status), "writing a read-only page: status %#x", status);
    status = conformance_in_child(child_touches, bytes + kPage);
    EXPECT(status == 0, "the next page (still writable) faulted: status %#x", status);
    /* PROT_NONE on a page not yet touched: reading it faults. (A page
     * already present stays readable under PROT_NONE in this kernel: not
     * checked here.) */
    EXPECT(__banos_slot_mprotect((uint64_t)address + kPage, kPage, PROT_NONE) == 0, "mprotect none");
    status = conformance_in_child(child_reads, bytes + kPage);
    EXPECT(died_of_sigsegv(status), "reading a PROT_NONE page: status %#x", status);
    EXPECT(__banos_slot_mprotect((uint64_t)address, kPage, PROT_READ | PROT_WRITE) == 0, "mprotect back");
    bytes[0] = 8;
    EXPECT(bytes[0] == 8, "writable again");
    EXPECT(__banos_slot_mprotect((uint64_t)address, 0, PROT_READ) == 0, "an empty range is fine");
    EXPECT_ERRNO(__banos_slot_mprotect((uint64_t)address + 1, kPage, PROT_READ), EINVAL);
    EXPECT_ERRNO(__banos_slot_mprotect((uint64_t)address, kPage, 0x100), EINVAL);
    munmap(bytes, 2 * kPage);
}

TEST(memory, window_is_protected, "munmap mprotect mmap")
{
    /* The stub table and the layer belong to the layer: they cannot be
     * unmapped, replaced or made writable, and writing faults. */
    uint64_t window = getauxval(AT_BANOS_WINDOW);
    REQUIRE(window != 0, "no AT_BANOS_WINDOW");
    errno = 0;
    EXPECT(__banos_slot_munmap(window, kPage) == -1, "munmap of the window succeeded");
    EXPECT(__banos_slot_mprotect(window, kPage, PROT_READ | PROT_WRITE) == -1, "mprotect of the window succeeded");
    EXPECT(__banos_slot_mmap(window, kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
               == -1,
           "MAP_FIXED over the window succeeded");
    EXPECT(__banos_slot_getpid() == getpid() && __banos_slot_syslayer_version() == syslayer_version(),
           "the layer stopped working");
    int status = conformance_in_child(child_touches, (void*)(uintptr_t)window);
    EXPECT(died_of_sigsegv(status), "writing the stub table: status %#x", status);
}
