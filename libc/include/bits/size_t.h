#ifndef __BANOS_BITS_SIZE_T_H
#define __BANOS_BITS_SIZE_T_H
typedef __SIZE_TYPE__ size_t;
#endif
