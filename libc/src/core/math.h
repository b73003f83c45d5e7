// <math.h>'s functions, in a namespace so the host tests can call them next
// to the host's. The transcendental ones compute in x87 extended precision
// (64-bit mantissa) and round once to double, which keeps them within an
// ulp or so of the true value for doubles; sin, cos and tan first reduce
// their argument exactly (Payne-Hanek, with 1344 bits of 2/pi), so large
// arguments stay accurate too.
#pragma once

namespace banos::libc::math {

#define __BANOS_MATH_FUNCTION(name, parameters) double name parameters;
#include "../../include/bits/math_functions.h"
#undef __BANOS_MATH_FUNCTION

} // namespace banos::libc::math
