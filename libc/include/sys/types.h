#ifndef __BANOS_SYS_TYPES_H
#define __BANOS_SYS_TYPES_H

#include <bits/types.h>

#endif
