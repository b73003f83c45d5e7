// qsort's engine: an introsort (quicksort with a median-of-three pivot,
// insertion sort for short ranges, heapsort when the recursion gets too
// deep), so every input sorts in O(n log n). Not stable.
#pragma once

#include <stddef.h>

namespace banos::libc {

using SortCompare = int (*)(const void* left, const void* right, void* context);

void sort(void* base, size_t count, size_t size, SortCompare compare, void* context);

// bsearch: an element equal to *key in a sorted array (any of them when
// there are several), or nullptr.
void* search(const void* key, const void* base, size_t count, size_t size, SortCompare compare, void* context);

} // namespace banos::libc
