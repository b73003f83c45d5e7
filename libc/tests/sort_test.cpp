// qsort's engine (libc/src/core/sort.cpp) against std::sort and the
// host's qsort: random, sorted, reversed, few-valued and adversarial
// inputs, element sizes from 1 to 40 bytes; and libc's bsearch semantics.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <vector>

#include "libc/src/core/sort.h"

namespace libc = banos::libc;

namespace {

int compare_ints(const void* left, const void* right, void* context)
{
    ++*static_cast<size_t*>(context);
    int a = *static_cast<const int*>(left);
    int b = *static_cast<const int*>(right);
    return (a > b) - (a < b);
}

int compare_ints_plain(const void* left, const void* right)
{
    int a = *static_cast<const int*>(left);
    int b = *static_cast<const int*>(right);
    return (a > b) - (a < b);
}

template<size_t Size>
struct Record {
    uint32_t key;
    unsigned char payload[Size - sizeof(uint32_t)];
};

template<size_t Size>
int compare_records(const void* left, const void* right, void*)
{
    uint32_t a, b;
    std::memcpy(&a, left, sizeof a);
    std::memcpy(&b, right, sizeof b);
    return (a > b) - (a < b);
}

std::vector<int> pattern(int kind, size_t count, std::mt19937& random)
{
    std::vector<int> values(count);
    for (size_t i = 0; i < count; ++i) {
        switch (kind) {
        case 0:
            values[i] = static_cast<int>(random());
            break;
        case 1:
            values[i] = static_cast<int>(i);
            break;
        case 2:
            values[i] = static_cast<int>(count - i);
            break;
        case 3:
            values[i] = static_cast<int>(random() % 3);
            break;
        case 4: // organ pipe
            values[i] = static_cast<int>(i < count / 2 ? i : count - i);
            break;
        default: // all equal
            values[i] = 7;
            break;
        }
    }
    return values;
}

template<size_t Size>
void sort_records(std::mt19937& random, size_t count)
{
    std::vector<Record<Size>> records(count);
    for (auto& record : records) {
        record.key = static_cast<uint32_t>(random() % 1000);
        std::memset(record.payload, static_cast<int>(record.key & 0xff), sizeof record.payload);
    }
    libc::sort(records.data(), count, sizeof(Record<Size>), compare_records<Size>, nullptr);
    for (size_t i = 1; i < count; ++i)
        ASSERT_LE(records[i - 1].key, records[i].key);
    for (auto& record : records) // the payloads moved with their keys
        ASSERT_EQ(record.payload[0], static_cast<unsigned char>(record.key & 0xff));
}

} // namespace

TEST(Sort, MatchesStdSortOnEveryShape)
{
    std::mt19937 random(11);
    for (size_t count : { 0, 1, 2, 3, 5, 16, 17, 31, 100, 1000, 10000, 100000 }) {
        for (int kind = 0; kind < 6; ++kind) {
            auto values = pattern(kind, count, random);
            auto expected = values;
            std::sort(expected.begin(), expected.end());
            auto host = values;
            if (!host.empty())
                std::qsort(host.data(), host.size(), sizeof(int), compare_ints_plain);
            size_t comparisons = 0;
            libc::sort(values.data(), values.size(), sizeof(int), compare_ints, &comparisons);
            ASSERT_EQ(values, expected) << "count " << count << " kind " << kind;
            ASSERT_EQ(values, host);
            // O(n log n): a generous bound.
            double bound = 4.0 * static_cast<double>(count) * (1 + std::log2(static_cast<double>(count + 1))) + 64;
            ASSERT_LE(static_cast<double>(comparisons), bound) << "count " << count << " kind " << kind;
        }
    }
}

TEST(Sort, OddElementSizes)
{
    std::mt19937 random(12);
    for (size_t count : { 10, 100, 3000 }) {
        sort_records<5>(random, count);
        sort_records<8>(random, count);
        sort_records<12>(random, count);
        sort_records<40>(random, count);
    }
    std::vector<unsigned char> bytes(5000);
    for (auto& byte : bytes)
        byte = static_cast<unsigned char>(random());
    auto expected = bytes;
    std::sort(expected.begin(), expected.end());
    libc::sort(bytes.data(), bytes.size(), 1,
        [](const void* a, const void* b, void*) {
            return *static_cast<const unsigned char*>(a) - *static_cast<const unsigned char*>(b);
        },
        nullptr);
    EXPECT_EQ(bytes, expected);
}

TEST(Sort, SearchFindsEveryElementAndNothingElse)
{
    for (size_t count : { 0, 1, 2, 3, 10, 1001 }) {
        std::vector<int> values;
        for (size_t i = 0; i < count; ++i)
            values.push_back(static_cast<int>(2 * i)); // even numbers only
        size_t comparisons = 0;
        for (int key = -1; key <= static_cast<int>(2 * count); ++key) {
            auto* found = static_cast<const int*>(
                libc::search(&key, values.data(), values.size(), sizeof(int), compare_ints, &comparisons));
            auto* host = static_cast<const int*>(
                values.empty() ? nullptr : std::bsearch(&key, values.data(), values.size(), sizeof(int), compare_ints_plain));
            ASSERT_EQ(found, host) << "count " << count << " key " << key;
        }
    }
}
