/* ld-elf's slots: a syscall layer for a window the program did not get from
 * exec, and taking it out again. Wrong requests fail cleanly; a right one
 * makes the memory a real stub table whose slot 0 answers with the asked
 * ABI's version word, on this kernel, of the same layer kind as the
 * program's own. Once detached, the window is gone, its code may no
 * longer enter the kernel, and its place among the process's layers is
 * free again. */
#include "conformance.h"

#include <signal.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include <abi-versions/common/window.h>

#if BANOS_PROGRAM_ABI >= 2
TEST(loader, syslayer_attach, "syslayer_attach mmap")
{
    const uint64_t size = BANOS_WINDOW_SIZE;
    char* region = (char*)__banos_slot_mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    EXPECT(region != (char*)-1, "mmap: %s", conformance_errno_name(errno));
    if (region == (char*)-1)
        return;
    EXPECT_ERRNO(__banos_slot_syslayer_attach(region + 1, size, BANOS_PROGRAM_ABI), EINVAL);
    EXPECT_ERRNO(__banos_slot_syslayer_attach(region, 4096, BANOS_PROGRAM_ABI), EINVAL);
    EXPECT_ERRNO(__banos_slot_syslayer_attach(region, size, 99), ENOEXEC);
    /* The program's own window already has its layer. */
    EXPECT_ERRNO(__banos_slot_syslayer_attach((void*)getauxval(AT_BANOS_WINDOW), size, BANOS_PROGRAM_ABI), EBUSY);

    /* Program ABI 1's layer here, whatever this program's ABI is. */
    EXPECT_OK(__banos_slot_syslayer_attach(region, size, 1));
    int (*version)(void) = (int (*)(void))(void*)region;
    int word = version();
    EXPECT(((word >> 8) & 0xff) == 1, "the attached layer serves program ABI %d", (word >> 8) & 0xff);
    EXPECT((word & 0xff) == conformance_kernel_abi(), "the attached layer is for kernel ABI %d", word & 0xff);
    EXPECT(((word >> 16) & 1) == conformance_always_traps(), "the attached layer's always-trap bit is %d",
           (word >> 16) & 1);
    /* Its getpid (slot 4) works as the program's own does. */
    int (*attached_getpid)(void) = (int (*)(void))(void*)(region + 4 * BANOS_SLOT_SIZE);
    EXPECT(attached_getpid() == __banos_slot_getpid(), "getpid through the attached layer: %d", attached_getpid());
    /* Once there, the window stays: a second attach is refused. */
    EXPECT_ERRNO(__banos_slot_syslayer_attach(region, size, BANOS_PROGRAM_ABI), EBUSY);
}
#endif

#ifdef BANOS_HAS_SLOT_syslayer_detach
enum { kPage = 4096 };

/* The interpreter's window (ld-elf's, mapped by exec), from the program
 * headers at AT_BASE; 0 for a program without an interpreter. */
static uint64_t interpreter_window(void)
{
    const unsigned char* base = (const unsigned char*)getauxval(AT_BASE);
    if (!base)
        return 0;
    uint64_t header_offset;
    uint16_t count;
    memcpy(&header_offset, base + 32, sizeof header_offset); /* e_phoff */
    memcpy(&count, base + 56, sizeof count);                 /* e_phnum */
    for (uint16_t i = 0; i < count; ++i) {
        const unsigned char* header = base + header_offset + i * 56u;
        uint32_t type;
        uint64_t address;
        memcpy(&type, header, sizeof type);
        memcpy(&address, header + 16, sizeof address); /* p_vaddr */
        if (type == PT_BANOS_WINDOW)
            return (uint64_t)base + address;
    }
    return 0;
}

TEST(loader, syslayer_detach, "syslayer_detach syslayer_attach mmap munmap")
{
    const uint64_t size = BANOS_WINDOW_SIZE;
    char* region = (char*)__banos_slot_mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(region != (char*)-1, "mmap: %s", conformance_errno_name(errno));
    EXPECT_ERRNO(__banos_slot_syslayer_detach(region), EINVAL);
    EXPECT_ERRNO(__banos_slot_syslayer_detach(NULL), EINVAL);
    /* The windows exec mapped stay for the process's life. */
    EXPECT_ERRNO(__banos_slot_syslayer_detach((void*)getauxval(AT_BANOS_WINDOW)), EPERM);
    if (getauxval(AT_BASE)) {
        uint64_t interpreter = interpreter_window();
        EXPECT(interpreter != 0, "no PT_BANOS_WINDOW in the interpreter's program headers");
        if (interpreter)
            EXPECT_ERRNO(__banos_slot_syslayer_detach((void*)interpreter), EPERM);
    }

    /* More rounds than a process may hold layers at once (32): each
     * detach must give its place back. */
    for (int round = 0; round < 40; ++round) {
        errno = 0;
        int attached = __banos_slot_syslayer_attach(region, size, 1);
        REQUIRE(attached == 0, "attach in round %d: %s", round, conformance_errno_name(errno));
        int (*version)(void) = (int (*)(void))(void*)region;
        int word = version();
        EXPECT(((word >> 8) & 0xff) == 1, "round %d: the attached layer serves program ABI %d", round,
               (word >> 8) & 0xff);
        if (round == 0) {
            /* Only the window's start names it. */
            EXPECT_ERRNO(__banos_slot_syslayer_detach(region + kPage), EINVAL);
            EXPECT_ERRNO(__banos_slot_syslayer_detach(region + 1), EINVAL);
        }
        errno = 0;
        int detached = __banos_slot_syslayer_detach(region);
        REQUIRE(detached == 0, "detach in round %d: %s", round, conformance_errno_name(errno));
    }
    EXPECT_ERRNO(__banos_slot_syslayer_detach(region), EINVAL);
    /* The range is ordinary free memory again: a fixed mapping may go
     * there (never onto a window) and is fresh. */
    int64_t fixed = __banos_slot_mmap((uint64_t)region, size, PROT_READ | PROT_WRITE,
                                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    EXPECT(fixed == (int64_t)(uintptr_t)region, "MAP_FIXED where the window was: %s", conformance_errno_name(errno));
    if (fixed == (int64_t)(uintptr_t)region)
        EXPECT(region[0] == 0 && region[size - 1] == 0, "the mapping where the window was is not fresh");
    EXPECT_OK(__banos_slot_munmap((uint64_t)region, size));
}

/* In a child: new code where a detached layer's code was, making a system
 * call. Returns only if the kernel took it as a layer's. */
static int child_enters_from_detached_text(void* argument)
{
    char* region = argument;
    if (__banos_slot_syslayer_attach(region, BANOS_WINDOW_SIZE, BANOS_PROGRAM_ABI) != 0)
        return 2;
    if (__banos_slot_syslayer_detach(region) != 0)
        return 3;
    if (__banos_slot_mmap((uint64_t)region, kPage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
                          -1, 0)
        != (int64_t)(uintptr_t)region)
        return 4;
    static const unsigned char code[] = { 0x0f, 0x05, 0xc3 }; /* syscall; ret */
    memcpy(region, code, sizeof code);
    if (__banos_slot_mprotect((uint64_t)region, kPage, PROT_READ | PROT_EXEC) != 0)
        return 5;
    ((void (*)(void))(void*)region)();
    return 0;
}

TEST(loader, syslayer_detach_text, "syslayer_detach syslayer_attach mmap mprotect munmap")
{
    const uint64_t size = BANOS_WINDOW_SIZE;
    char* region = (char*)__banos_slot_mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    REQUIRE(region != (char*)-1, "mmap: %s", conformance_errno_name(errno));
    int status = conformance_in_child(child_enters_from_detached_text, region);
    EXPECT(WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS,
           "a system call from where a detached layer's code was: status %#x", status);
    EXPECT_OK(__banos_slot_munmap((uint64_t)region, size));
}
#endif
