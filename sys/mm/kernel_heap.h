#pragma once
#include "mm/heap/heap.h"

namespace mm {

// Starts the heap on top of the physical memory manager; before this,
// operator new returns null.
void init_kernel_heap();
bool kernel_heap_ready();
Heap& kernel_heap();

} // namespace mm
