#include "vfs/file_system.h"

namespace vfs {

namespace {
uint64_t g_next_device_id = 1;
}

FileSystem::FileSystem() : device_id_(__atomic_fetch_add(&g_next_device_id, 1, __ATOMIC_RELAXED)) {}

} // namespace vfs
