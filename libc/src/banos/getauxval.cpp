#include <errno.h>
#include <sys/auxv.h>

#include "../internal/startup.h"

extern "C" unsigned long getauxval(unsigned long type)
{
    if (__libc_auxv != nullptr) {
        for (unsigned long* entry = __libc_auxv; entry[0] != AT_NULL; entry += 2) {
            if (entry[0] == type)
                return entry[1];
        }
    }
    errno = ENOENT;
    return 0;
}
