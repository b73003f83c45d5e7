// <math.h>'s functions, in a namespace so the host tests can call them next
// to the host's. The transcendental ones compute in x87 extended precision
// (64-bit mantissa) and round once to double, which keeps them within an
// ulp or so of the true value for doubles; sin, cos and tan first reduce
// their argument exactly (Payne-Hanek, with 1344 bits of 2/pi), so large
// arguments stay accurate too.
#pragma once

namespace banos::libc::math {

double fabs(double x);
double floor(double x);
double ceil(double x);
double trunc(double x);
double round(double x);
double rint(double x); // to nearest, ties to even (the default rounding mode)
double fmod(double x, double y);
double sqrt(double x);
double exp(double x);
double exp2(double x);
double expm1(double x);
double log(double x);
double log2(double x);
double log10(double x);
double log1p(double x);
double pow(double x, double y);
double sin(double x);
double cos(double x);
double tan(double x);
double asin(double x);
double acos(double x);
double atan(double x);
double atan2(double y, double x);
double sinh(double x);
double cosh(double x);
double tanh(double x);
double hypot(double x, double y);
double cbrt(double x);
double frexp(double x, int* exponent);
double ldexp(double x, int exponent);
double modf(double x, double* integer_part);
double copysign(double magnitude, double sign);

} // namespace banos::libc::math
