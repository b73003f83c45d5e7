/* The first program. For now it only reports itself; the kernel's init=
 * option lists whatever else to start. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("init: banos user space (program ABI %d), pid %d\n", BANOS_PROGRAM_ABI, (int)getpid());
    return 0;
}
