/* No include guard: each inclusion redefines assert for the current NDEBUG,
 * as C requires. */
#include <sys/cdefs.h>

#undef assert
#ifdef NDEBUG
#define assert(expression) ((void)0)
#else
#define assert(expression) ((expression) ? (void)0 : __assert_fail(#expression, __FILE__, __LINE__, __func__))
#endif

#ifndef __BANOS_ASSERT_H
#define __BANOS_ASSERT_H

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert _Static_assert
#endif

__BEGIN_DECLS

/* Prints "file:line: function: assertion `expression' failed" to stderr
 * and aborts. */
__BANOS_NORETURN void __assert_fail(const char* expression, const char* file, unsigned int line, const char* function);

__END_DECLS

#endif
