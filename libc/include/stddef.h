#ifndef __BANOS_STDDEF_H
#define __BANOS_STDDEF_H

#include <bits/size_t.h>
#include <bits/null.h>

typedef __PTRDIFF_TYPE__ ptrdiff_t;
#if !defined(__cplusplus) && !defined(__BANOS_WCHAR_T)
#define __BANOS_WCHAR_T
typedef __WCHAR_TYPE__ wchar_t;
#endif

typedef struct {
    long long __banos_ll __attribute__((__aligned__(__alignof__(long long))));
    long double __banos_ld __attribute__((__aligned__(__alignof__(long double))));
} max_align_t;

#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
