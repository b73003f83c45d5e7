/* The dynamic loader's interface. The functions live in ld-elf itself
 * (/lib/ld-elf.so.1): link with -ldl, in a dynamically linked program. */
#ifndef __BANOS_DLFCN_H
#define __BANOS_DLFCN_H

#include <sys/cdefs.h>

__BEGIN_DECLS

#define RTLD_LAZY 0x0001    /* bind functions when first called (ld-elf binds all at once) */
#define RTLD_NOW 0x0002     /* bind everything before dlopen returns */
#define RTLD_NOLOAD 0x0004  /* only return an object already loaded */
#define RTLD_GLOBAL 0x0100  /* its symbols serve every object loaded later */
#define RTLD_LOCAL 0x0000   /* its symbols serve only its own group */
#define RTLD_NODELETE 0x1000 /* dlclose never unloads it */

#define RTLD_DEFAULT ((void*)0)  /* dlsym: the global scope */
#define RTLD_NEXT ((void*)-1)    /* dlsym: the objects after the caller's */

typedef struct {
    const char* dli_fname; /* the object's path */
    void* dli_fbase;       /* where it is loaded */
    const char* dli_sname; /* the nearest symbol at or below the address, or NULL */
    void* dli_saddr;       /* its address, or NULL */
} Dl_info;

void* dlopen(const char* file, int mode);
void* dlsym(void* __restrict handle, const char* __restrict name);
int dlclose(void* handle);
char* dlerror(void);
int dladdr(const void* address, Dl_info* info);

__END_DECLS

#endif
