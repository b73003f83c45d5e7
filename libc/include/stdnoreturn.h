#ifndef __BANOS_STDNORETURN_H
#define __BANOS_STDNORETURN_H
#ifndef __cplusplus
#define noreturn _Noreturn
#endif
#endif
