#ifndef __BANOS_SYS_MMAN_H
#define __BANOS_SYS_MMAN_H

#include <sys/cdefs.h>
#include <banos/abi.h>
#include <bits/types.h>

#define PROT_NONE BANOS_PROT_NONE
#define PROT_READ BANOS_PROT_READ
#define PROT_WRITE BANOS_PROT_WRITE
#define PROT_EXEC BANOS_PROT_EXEC
#define MAP_SHARED BANOS_MAP_SHARED
#define MAP_PRIVATE BANOS_MAP_PRIVATE
#define MAP_FIXED BANOS_MAP_FIXED
#define MAP_ANONYMOUS BANOS_MAP_ANONYMOUS
#define MAP_ANON MAP_ANONYMOUS
#ifdef BANOS_MAP_POPULATE
#define MAP_POPULATE BANOS_MAP_POPULATE
#endif
#ifdef __cplusplus
#define MAP_FAILED (reinterpret_cast<void*>(-1L))
#else
#define MAP_FAILED ((void*)-1)
#endif

__BEGIN_DECLS

void* mmap(void* address, size_t length, int protection, int flags, int fd, off_t offset);
int munmap(void* address, size_t length);
int mprotect(void* address, size_t length, int protection);

__END_DECLS

#endif
