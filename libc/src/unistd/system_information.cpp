#include <banos/slots.h>
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include "../core/memory.h"
#include "../internal/failure.h"

#ifdef BANOS_HAS_SLOT_uname
#include <sys/utsname.h>
#endif

using banos::libc::fail;

#ifdef BANOS_HAS_SLOT_sysconf
static_assert(_SC_NPROCESSORS_CONF == BANOS_SC_NPROCESSORS_CONF && _SC_NPROCESSORS_ONLN == BANOS_SC_NPROCESSORS_ONLN);
#endif

extern "C" {

int getpagesize(void)
{
    unsigned long size = getauxval(AT_PAGESZ);
    return size != 0 ? static_cast<int>(size) : 4096;
}

long sysconf(int name)
{
    switch (name) {
    case _SC_PAGESIZE:
        return getpagesize();
    case _SC_CLK_TCK:
        return 100;
    case _SC_ARG_MAX:
        return ARG_MAX;
    case _SC_CHILD_MAX:
        return -1; // no stated limit
    case _SC_NGROUPS_MAX:
        return NGROUPS_MAX;
    case _SC_OPEN_MAX:
        return 1024;
    case _SC_LINE_MAX:
        return LINE_MAX;
    case _SC_HOST_NAME_MAX:
        return HOST_NAME_MAX;
    case _SC_NPROCESSORS_CONF:
    case _SC_NPROCESSORS_ONLN:
#ifdef BANOS_HAS_SLOT_sysconf
        // The layer knows the CPU count (and keeps these names' numbers).
        return __banos_slot_sysconf(name);
#else
        return 1; // program ABI 1 has no slot that tells
#endif
    default:
        return fail<long>(EINVAL);
    }
}

int gethostname(char* name, size_t size)
{
#ifdef BANOS_HAS_SLOT_uname
    struct utsname names;
    if (uname(&names) != 0)
        return -1;
    const char* host = names.nodename;
#else
    const char* host = "banos";
#endif
    if (banos::libc::strlcpy(name, host, size) >= size)
        return fail(ENAMETOOLONG);
    return 0;
}
}
