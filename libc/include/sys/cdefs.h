/* Declarations shared by every libc header, for C (gnu11) and C++. */
#ifndef __BANOS_SYS_CDEFS_H
#define __BANOS_SYS_CDEFS_H

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#ifdef __cplusplus
#define __BANOS_STATIC_ASSERT(condition, message) static_assert(condition, message)
#else
#define __BANOS_STATIC_ASSERT(condition, message) _Static_assert(condition, message)
#endif

/* C++ warns (-Wshadow) when a function has the name of a structure, as
 * stat and sigaction do; these go around such declarations. */
#define __BANOS_SAME_NAME_BEGIN _Pragma("GCC diagnostic push") _Pragma("GCC diagnostic ignored \"-Wshadow\"")
#define __BANOS_SAME_NAME_END _Pragma("GCC diagnostic pop")

#define __BANOS_NORETURN __attribute__((__noreturn__))
#define __BANOS_PRINTF(format_index, first_argument) \
    __attribute__((__format__(__printf__, format_index, first_argument)))
#define __BANOS_SCANF(format_index, first_argument) \
    __attribute__((__format__(__scanf__, format_index, first_argument)))

#endif
