/* wchar_t (a keyword in C++) and wint_t. */
#ifndef __BANOS_BITS_WCHAR_H
#define __BANOS_BITS_WCHAR_H
#if !defined(__cplusplus) && !defined(__BANOS_WCHAR_T)
#define __BANOS_WCHAR_T
typedef __WCHAR_TYPE__ wchar_t;
#endif
typedef __WINT_TYPE__ wint_t;
#endif
