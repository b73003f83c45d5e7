/* The double functions of <math.h> that libc computes in its core
 * (libc/src/core/math.cpp), listed once for both their declarations: the
 * C ones in <math.h> and the namespaced ones the host tests call next to
 * the host's (libc/src/core/math.h). Each is
 * __BANOS_MATH_FUNCTION(name, parameters), returning double; whoever
 * includes this file defines that macro first (no include guard: it is a
 * list, included once per use). */
#ifdef __BANOS_MATH_FUNCTION
__BANOS_MATH_FUNCTION(fabs, (double x))
__BANOS_MATH_FUNCTION(floor, (double x))
__BANOS_MATH_FUNCTION(ceil, (double x))
__BANOS_MATH_FUNCTION(trunc, (double x))
__BANOS_MATH_FUNCTION(round, (double x))
__BANOS_MATH_FUNCTION(rint, (double x)) /* to nearest, ties to even (the default rounding mode) */
__BANOS_MATH_FUNCTION(fmod, (double x, double y))
__BANOS_MATH_FUNCTION(sqrt, (double x))
__BANOS_MATH_FUNCTION(exp, (double x))
__BANOS_MATH_FUNCTION(exp2, (double x))
__BANOS_MATH_FUNCTION(expm1, (double x))
__BANOS_MATH_FUNCTION(log, (double x))
__BANOS_MATH_FUNCTION(log2, (double x))
__BANOS_MATH_FUNCTION(log10, (double x))
__BANOS_MATH_FUNCTION(log1p, (double x))
__BANOS_MATH_FUNCTION(pow, (double x, double y))
__BANOS_MATH_FUNCTION(sin, (double x))
__BANOS_MATH_FUNCTION(cos, (double x))
__BANOS_MATH_FUNCTION(tan, (double x))
__BANOS_MATH_FUNCTION(asin, (double x))
__BANOS_MATH_FUNCTION(acos, (double x))
__BANOS_MATH_FUNCTION(atan, (double x))
__BANOS_MATH_FUNCTION(atan2, (double y, double x))
__BANOS_MATH_FUNCTION(sinh, (double x))
__BANOS_MATH_FUNCTION(cosh, (double x))
__BANOS_MATH_FUNCTION(tanh, (double x))
__BANOS_MATH_FUNCTION(hypot, (double x, double y))
__BANOS_MATH_FUNCTION(cbrt, (double x))
__BANOS_MATH_FUNCTION(frexp, (double x, int* exponent))
__BANOS_MATH_FUNCTION(ldexp, (double x, int exponent))
__BANOS_MATH_FUNCTION(modf, (double x, double* integer_part))
__BANOS_MATH_FUNCTION(copysign, (double magnitude, double sign))
#endif
