// Finding and mapping shared objects.
#pragma once
#include "object.h"
#include "system.h"

namespace ldelf {

// The search path from LD_LIBRARY_PATH (set once at start; may be null).
extern const char* g_library_path;

// The loaded object called `name`, loading it (and only it: not its
// DT_NEEDED) if needed. On failure returns null with the reason in `error`.
Object* find_or_load(const char* name, Message& error);
// Loads the DT_NEEDED objects of every object from `first` on, breadth
// first, appending them to the load order.
bool load_dependencies(Object* first, Message& error);

} // namespace ldelf
