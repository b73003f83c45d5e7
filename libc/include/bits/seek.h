#ifndef __BANOS_BITS_SEEK_H
#define __BANOS_BITS_SEEK_H
#include <banos/abi.h>
#define SEEK_SET BANOS_SEEK_SET
#define SEEK_CUR BANOS_SEEK_CUR
#define SEEK_END BANOS_SEEK_END
#endif
