/* The POSIX arithmetic types, with the widths of the program ABI's
 * structures and slots (abi-versions/v<N>/program/types.h and slots.def):
 * time_t, nlink_t and blksize_t follow the ABI's stat and timespec (32 bits
 * in ABI 1, 64 from ABI 2); the rest are the same in every ABI. */
#ifndef __BANOS_BITS_TYPES_H
#define __BANOS_BITS_TYPES_H

#include <banos/abi.h>
#include <bits/size_t.h>
#include <bits/ssize_t.h>

#if defined(BANOS_PROGRAM_ABI_V2)
typedef banos_v2_time_t time_t;
typedef unsigned long nlink_t;
typedef long blksize_t;
#else
typedef banos_v1_time_t time_t;
typedef unsigned int nlink_t;
typedef int blksize_t;
#endif

typedef int pid_t;            /* the slots' int32_t */
typedef unsigned int uid_t;   /* uint32_t */
typedef unsigned int gid_t;   /* uint32_t */
typedef unsigned int id_t;
typedef long off_t;           /* int64_t: lseek, ftruncate, st_size */
typedef unsigned int mode_t;  /* uint32_t */
typedef unsigned long dev_t;  /* uint64_t */
typedef unsigned long ino_t;  /* uint64_t */
typedef long blkcnt_t;        /* int64_t */
typedef unsigned int useconds_t;
typedef long suseconds_t;
typedef long clock_t;
typedef int clockid_t;        /* the clock_gettime slot's int32_t */

#endif
