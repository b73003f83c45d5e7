#ifndef __BANOS_SYS_TYPES_H
#define __BANOS_SYS_TYPES_H

#include <bits/size_t.h>
#include <bits/ssize_t.h>
#include <bits/id_t.h>
#include <bits/time_t.h>

#endif
