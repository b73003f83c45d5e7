// Setting errno from libc's own code (the layer sets it for failing slots).
#pragma once

#include <errno.h>

namespace banos::libc {

// Sets errno and returns -1 (or whatever failure value the caller names).
template<typename T = int>
inline T fail(int error, T result = T(-1))
{
    errno = error;
    return result;
}

} // namespace banos::libc
