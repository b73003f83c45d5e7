/* mount(): a new file system of a registered type (tmpfs, or one a banos
 * module provides) on a directory; superuser only. `flags` must be 0 and
 * `data` is unused. ENOSYS before program ABI 2. */
#ifndef __BANOS_SYS_MOUNT_H
#define __BANOS_SYS_MOUNT_H

#include <sys/cdefs.h>

__BEGIN_DECLS

int mount(const char* source, const char* target, const char* type, unsigned long flags, const void* data);

__END_DECLS

#endif
