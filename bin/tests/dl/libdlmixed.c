/* Built for program ABI 1 and dlopened by a program of ABI 3: every call
 * it makes goes through ABI 1's layer, in its own window (the slot) and in
 * libc.so.1's (the libc functions), which it binds to rather than the
 * program's libc.so.3. */
#include <banos.h>
#include <banos/slots.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int mixed_program_abi(void) { return BANOS_PROGRAM_ABI; }
int mixed_libc_version(void) { return syslayer_version(); }
int mixed_slot_version(void) { return __banos_slot_syslayer_version(); }
/* Where its window starts (slot 0 is the window's first bytes). */
void* mixed_window(void) { return (void*)&__banos_slot_syslayer_version; }
int mixed_getpid(void) { return getpid(); }
void* mixed_snprintf_address(void) { return (void*)&snprintf; }
/* A struct stat of ABI 1 (32-bit times) filled through ABI 1's layer. */
int mixed_stat_size(const char* path)
{
    struct stat status;
    if (stat(path, &status) != 0)
        return -1;
    return (int)status.st_size;
}
int mixed_format(char* buffer, int size, int value) { return snprintf(buffer, (size_t)size, "abi1:%d", value); }
