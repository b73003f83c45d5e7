#include <stdlib.h>

#include "../core/sort.h"

namespace {

using Compare = int (*)(const void*, const void*);

int call_plain(const void* left, const void* right, void* context)
{
    return (*static_cast<Compare*>(context))(left, right);
}

} // namespace

extern "C" {

void qsort(void* base, size_t count, size_t size, Compare compare)
{
    banos::libc::sort(base, count, size, call_plain, &compare);
}

void qsort_r(void* base, size_t count, size_t size, int (*compare)(const void*, const void*, void*), void* context)
{
    banos::libc::sort(base, count, size, compare, context);
}

void* bsearch(const void* key, const void* base, size_t count, size_t size, Compare compare)
{
    return banos::libc::search(key, base, count, size, call_plain, &compare);
}
}
