#pragma once
// Copying a kernel's utsname-like structure, whatever its field width, into
// the neutral one (and back out to a program's).
#include "syslayer/neutral.h"

namespace layer {

template <typename To, typename From>
void copy_system_name(To& to, const From& from)
{
    auto copy = [](auto& destination, const auto& source) {
        unsigned i = 0;
        for (; i + 1 < sizeof(destination) && i < sizeof(source) && source[i]; ++i)
            destination[i] = source[i];
        for (; i < sizeof(destination); ++i)
            destination[i] = '\0';
    };
    copy(to.sysname, from.sysname);
    copy(to.nodename, from.nodename);
    copy(to.release, from.release);
    copy(to.version, from.version);
    copy(to.machine, from.machine);
}

} // namespace layer
