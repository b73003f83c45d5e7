/* File types and permission bits: the types from the program ABI; the
 * permission bits are the traditional octal ones every POSIX system uses. */
#ifndef __BANOS_BITS_MODE_H
#define __BANOS_BITS_MODE_H

#include <banos/abi.h>

#define S_IFMT BANOS_S_IFMT
#define S_IFSOCK BANOS_S_IFSOCK
#define S_IFLNK BANOS_S_IFLNK
#define S_IFREG BANOS_S_IFREG
#define S_IFBLK BANOS_S_IFBLK
#define S_IFDIR BANOS_S_IFDIR
#define S_IFCHR BANOS_S_IFCHR
#define S_IFIFO BANOS_S_IFIFO
#define S_ISUID BANOS_S_ISUID
#define S_ISGID BANOS_S_ISGID
#define S_ISVTX BANOS_S_ISVTX

#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 070
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IXGRP 010
#define S_IRWXO 07
#define S_IROTH 04
#define S_IWOTH 02
#define S_IXOTH 01

#endif
