#include <banos/slots.h>

#ifdef BANOS_HAS_SLOT_uname
#include <sys/utsname.h>

extern "C" int uname(struct utsname* out)
{
    // struct utsname has banos_v2_utsname's layout (checked in the header).
    return __banos_slot_uname(reinterpret_cast<banos_v2_utsname*>(out));
}
#endif
