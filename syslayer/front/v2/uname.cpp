// Program ABI 2: uname.
#include "back/common/names.h"
#include "backend.h"
#include "syslayer/errno.h"
#include "syslayer/slots.h"

extern "C" int32_t layer_uname(banos_v2_utsname* out)
{
    layer::SystemName name;
    layer::Status status = layer::backend::uname(&name);
    if (status.failed())
        return static_cast<int32_t>(layer::finish(status));
    layer::copy_system_name(*out, name);
    return 0;
}
