#ifndef __BANOS_ALLOCA_H
#define __BANOS_ALLOCA_H
#include <bits/size_t.h>
#define alloca(size) __builtin_alloca(size)
#endif
