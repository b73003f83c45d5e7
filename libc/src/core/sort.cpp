#include "sort.h"

#include <stdint.h>

namespace banos::libc {

namespace {

class Sorter {
public:
    Sorter(char* base, size_t size, SortCompare compare, void* context)
        : base_(base), size_(size), compare_(compare), context_(context),
          words_(size % sizeof(uint64_t) == 0 && reinterpret_cast<uintptr_t>(base) % alignof(uint64_t) == 0)
    {
    }

    void sort(size_t first, size_t count)
    {
        int depth = 0;
        for (size_t n = count; n > 1; n >>= 1)
            depth += 2;
        introsort(first, count, depth);
    }

private:
    char* at(size_t index) const { return base_ + index * size_; }
    bool less(size_t a, size_t b) const { return compare_(at(a), at(b), context_) < 0; }

    void swap(size_t a, size_t b)
    {
        if (a == b)
            return;
        char* x = at(a);
        char* y = at(b);
        if (words_) {
            for (size_t i = 0; i < size_; i += sizeof(uint64_t)) {
                uint64_t t;
                __builtin_memcpy(&t, x + i, sizeof t);
                __builtin_memcpy(x + i, y + i, sizeof t);
                __builtin_memcpy(y + i, &t, sizeof t);
            }
        } else {
            for (size_t i = 0; i < size_; ++i) {
                char t = x[i];
                x[i] = y[i];
                y[i] = t;
            }
        }
    }

    void insertion_sort(size_t first, size_t count)
    {
        for (size_t i = first + 1; i < first + count; ++i) {
            for (size_t j = i; j > first && less(j, j - 1); --j)
                swap(j, j - 1);
        }
    }

    void sift_down(size_t first, size_t root, size_t count)
    {
        for (;;) {
            size_t child = 2 * root + 1;
            if (child >= count)
                return;
            if (child + 1 < count && less(first + child, first + child + 1))
                ++child;
            if (!less(first + root, first + child))
                return;
            swap(first + root, first + child);
            root = child;
        }
    }

    void heap_sort(size_t first, size_t count)
    {
        for (size_t i = count / 2; i-- > 0;)
            sift_down(first, i, count);
        for (size_t end = count; end-- > 1;) {
            swap(first, first + end);
            sift_down(first, 0, end);
        }
    }

    void introsort(size_t first, size_t count, int depth)
    {
        while (count > 16) {
            if (depth-- == 0) {
                heap_sort(first, count);
                return;
            }
            // Median of three to the front, as the pivot.
            size_t middle = first + count / 2;
            size_t last = first + count - 1;
            if (less(middle, first))
                swap(middle, first);
            if (less(last, middle)) {
                swap(last, middle);
                if (less(middle, first))
                    swap(middle, first);
            }
            swap(first, middle);
            // Hoare partition around the pivot at `first`.
            size_t i = first;
            size_t j = last + 1;
            for (;;) {
                do
                    ++i;
                while (i <= last && less(i, first));
                do
                    --j;
                while (less(first, j));
                if (i >= j)
                    break;
                swap(i, j);
            }
            swap(first, j);
            // Recurse into the smaller side, loop on the larger.
            size_t left_count = j - first;
            size_t right_count = first + count - (j + 1);
            if (left_count < right_count) {
                introsort(first, left_count, depth);
                first = j + 1;
                count = right_count;
            } else {
                introsort(j + 1, right_count, depth);
                count = left_count;
            }
        }
        insertion_sort(first, count);
    }

    char* base_;
    size_t size_;
    SortCompare compare_;
    void* context_;
    bool words_;
};

} // namespace

void sort(void* base, size_t count, size_t size, SortCompare compare, void* context)
{
    if (count < 2 || size == 0)
        return;
    Sorter sorter(static_cast<char*>(base), size, compare, context);
    sorter.sort(0, count);
}

void* search(const void* key, const void* base, size_t count, size_t size, SortCompare compare, void* context)
{
    auto* first = static_cast<const char*>(base);
    while (count > 0) {
        const char* middle = first + (count / 2) * size;
        int order = compare(key, middle, context);
        if (order == 0)
            return const_cast<char*>(middle);
        if (order > 0) {
            first = middle + size;
            count -= count / 2 + 1;
        } else {
            count /= 2;
        }
    }
    return nullptr;
}

} // namespace banos::libc
