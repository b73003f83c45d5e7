#include <math.h>

#include "../core/math.h"

namespace m = banos::libc::math;

extern "C" {

double fabs(double x) { return m::fabs(x); }
double floor(double x) { return m::floor(x); }
double ceil(double x) { return m::ceil(x); }
double trunc(double x) { return m::trunc(x); }
double round(double x) { return m::round(x); }
long lround(double x) { return static_cast<long>(m::round(x)); }
long long llround(double x) { return static_cast<long long>(m::round(x)); }
double rint(double x) { return m::rint(x); }
double nearbyint(double x) { return m::rint(x); }
long lrint(double x) { return static_cast<long>(m::rint(x)); }
double fmod(double x, double y) { return m::fmod(x, y); }
double sqrt(double x) { return m::sqrt(x); }
double exp(double x) { return m::exp(x); }
double exp2(double x) { return m::exp2(x); }
double expm1(double x) { return m::expm1(x); }
double log(double x) { return m::log(x); }
double log2(double x) { return m::log2(x); }
double log10(double x) { return m::log10(x); }
double log1p(double x) { return m::log1p(x); }
double pow(double x, double y) { return m::pow(x, y); }
double sin(double x) { return m::sin(x); }
double cos(double x) { return m::cos(x); }
double tan(double x) { return m::tan(x); }
double asin(double x) { return m::asin(x); }
double acos(double x) { return m::acos(x); }
double atan(double x) { return m::atan(x); }
double atan2(double y, double x) { return m::atan2(y, x); }
double sinh(double x) { return m::sinh(x); }
double cosh(double x) { return m::cosh(x); }
double tanh(double x) { return m::tanh(x); }
double hypot(double x, double y) { return m::hypot(x, y); }
double cbrt(double x) { return m::cbrt(x); }
double frexp(double x, int* exponent) { return m::frexp(x, exponent); }
double ldexp(double x, int exponent) { return m::ldexp(x, exponent); }
double scalbn(double x, int exponent) { return m::ldexp(x, exponent); }
double modf(double x, double* integer_part) { return m::modf(x, integer_part); }
double copysign(double magnitude, double sign) { return m::copysign(magnitude, sign); }
double fmin(double x, double y) { return isnan(x) ? y : isnan(y) ? x : (x < y || (x == y && signbit(x))) ? x : y; }
double fmax(double x, double y) { return isnan(x) ? y : isnan(y) ? x : (x > y || (x == y && !signbit(x))) ? x : y; }
double fdim(double x, double y) { return isnan(x) || isnan(y) ? x + y : x > y ? x - y : 0.0; }
double nan(const char*) { return __builtin_nan(""); }

float fabsf(float x) { return static_cast<float>(m::fabs(x)); }
float floorf(float x) { return static_cast<float>(m::floor(x)); }
float ceilf(float x) { return static_cast<float>(m::ceil(x)); }
float truncf(float x) { return static_cast<float>(m::trunc(x)); }
float roundf(float x) { return static_cast<float>(m::round(x)); }
float fmodf(float x, float y) { return static_cast<float>(m::fmod(x, y)); }
float sqrtf(float x) { return static_cast<float>(m::sqrt(x)); }
float expf(float x) { return static_cast<float>(m::exp(x)); }
float logf(float x) { return static_cast<float>(m::log(x)); }
float log10f(float x) { return static_cast<float>(m::log10(x)); }
float powf(float x, float y) { return static_cast<float>(m::pow(x, y)); }
float sinf(float x) { return static_cast<float>(m::sin(x)); }
float cosf(float x) { return static_cast<float>(m::cos(x)); }
float tanf(float x) { return static_cast<float>(m::tan(x)); }
float atanf(float x) { return static_cast<float>(m::atan(x)); }
float atan2f(float y, float x) { return static_cast<float>(m::atan2(y, x)); }

long double fabsl(long double x) { return x < 0 || (x == 0 && signbit(x)) ? -x : x; }

long double sqrtl(long double x)
{
    asm("fsqrt" : "+t"(x));
    return x;
}
}
