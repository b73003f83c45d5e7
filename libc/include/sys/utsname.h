/* uname(): program ABI 2 on, with the layout of struct banos_v2_utsname. */
#ifndef __BANOS_SYS_UTSNAME_H
#define __BANOS_SYS_UTSNAME_H

#include <sys/cdefs.h>
#include <banos/abi.h>

#ifndef BANOS_HAS_SLOT_uname
#error "uname() needs program ABI 2 or later (banos-cc --abi=2)"
#endif

#define _UTSNAME_LENGTH BANOS_V2_UTSNAME_LENGTH

struct utsname {
    char sysname[_UTSNAME_LENGTH];
    char nodename[_UTSNAME_LENGTH];
    char release[_UTSNAME_LENGTH];
    char version[_UTSNAME_LENGTH];
    char machine[_UTSNAME_LENGTH];
};

__BANOS_STATIC_ASSERT(sizeof(struct utsname) == sizeof(struct banos_v2_utsname),
    "struct utsname has the layout of program ABI 2");
__BANOS_STATIC_ASSERT(__builtin_offsetof(struct utsname, nodename) == __builtin_offsetof(struct banos_v2_utsname, nodename)
        && __builtin_offsetof(struct utsname, release) == __builtin_offsetof(struct banos_v2_utsname, release)
        && __builtin_offsetof(struct utsname, version) == __builtin_offsetof(struct banos_v2_utsname, version)
        && __builtin_offsetof(struct utsname, machine) == __builtin_offsetof(struct banos_v2_utsname, machine),
    "struct utsname has the layout of program ABI 2");

__BEGIN_DECLS

int uname(struct utsname* out);

__END_DECLS

#endif
