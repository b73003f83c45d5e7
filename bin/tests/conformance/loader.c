/* ld-elf's slot: a syscall layer for a window the program did not get from
 * exec. Wrong requests fail cleanly; a right one makes the memory a real
 * stub table whose slot 0 answers with the asked ABI's version word, on
 * this kernel, of the same layer kind as the program's own. */
#include "conformance.h"

#include <sys/auxv.h>
#include <sys/mman.h>

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
