#ifndef __BANOS_BITS_SSIZE_T_H
#define __BANOS_BITS_SSIZE_T_H
/* The signed type of the same width as size_t (what read and write return). */
typedef __PTRDIFF_TYPE__ ssize_t;
#endif
