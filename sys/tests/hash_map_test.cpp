#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "lib/hash_map.h"
#include "tracked.h"

namespace {

using klib::HashMap;
using klib::StringView;
using test::Tracked;

// Sends every key to one of five home slots at the very end and start of the
// table (whatever its size), so probe chains are long, interleave and wrap
// around: the hard case for backward-shift deletion.
struct CollidingHash {
    static uint64_t hash(uint64_t key) { return key % 5 - 3; }
};

// Every key has the same home: one single chain.
struct ConstantHash {
    static uint64_t hash(uint64_t) { return 15; }
};

class HashMapTest : public test::TrackedTest {};

// The value behind get(), or -1 when the key is missing.
template <typename V>
V or_missing(V* value)
{
    return value ? *value : V(-1);
}

template <typename Map>
void expect_matches(Map& map, const std::unordered_map<uint64_t, uint64_t>& reference)
{
    ASSERT_EQ(map.size(), reference.size());
    for (const auto& [key, value] : reference) {
        auto* found = map.get(key);
        ASSERT_NE(found, nullptr) << "key " << key;
        ASSERT_EQ(*found, value) << "key " << key;
    }
    size_t visited = 0;
    map.for_each([&](const uint64_t& key, uint64_t& value) {
        ++visited;
        auto it = reference.find(key);
        ASSERT_NE(it, reference.end());
        EXPECT_EQ(it->second, value);
    });
    EXPECT_EQ(visited, reference.size());
}

TEST_F(HashMapTest, EmptyMap)
{
    HashMap<uint64_t, int> map;
    EXPECT_TRUE(map.is_empty());
    EXPECT_EQ(map.get(1), nullptr);
    EXPECT_FALSE(map.contains(1));
    EXPECT_FALSE(map.remove(1));
    map.clear();
    int calls = 0;
    map.for_each([&](const uint64_t&, int&) { ++calls; });
    EXPECT_EQ(calls, 0);
}

TEST_F(HashMapTest, InsertGetReplaceRemove)
{
    HashMap<uint64_t, int> map;
    ASSERT_FALSE(map.try_set(1, 10).is_error());
    ASSERT_FALSE(map.try_set(2, 20).is_error());
    EXPECT_EQ(map.size(), 2u);
    EXPECT_EQ(or_missing(map.get(1)), 10);
    ASSERT_FALSE(map.try_set(1, 11).is_error()); // replaces
    EXPECT_EQ(map.size(), 2u);
    EXPECT_EQ(or_missing(map.get(1)), 11);
    ASSERT_NE(map.get(2), nullptr);
    *map.get(2) = 21; // values are mutable in place
    EXPECT_EQ(or_missing(map.get(2)), 21);
    EXPECT_TRUE(map.remove(1));
    EXPECT_FALSE(map.remove(1));
    EXPECT_FALSE(map.contains(1));
    EXPECT_TRUE(map.contains(2));
    EXPECT_EQ(map.size(), 1u);
    // Key 0 is an ordinary key.
    ASSERT_FALSE(map.try_set(0, 0).is_error());
    EXPECT_TRUE(map.contains(0));
}

TEST_F(HashMapTest, StringKeys)
{
    HashMap<StringView, int> map;
    const char* names[] = { "alpha", "beta", "gamma", "", "alphabet" };
    for (int i = 0; i < 5; ++i)
        ASSERT_FALSE(map.try_set(names[i], i).is_error());
    for (int i = 0; i < 5; ++i)
        EXPECT_EQ(or_missing(map.get(names[i])), i);
    // Lookup compares contents, not pointers.
    std::string copy = "gamma";
    EXPECT_EQ(or_missing(map.get(StringView(copy.c_str()))), 2);
    EXPECT_EQ(map.get("alph"), nullptr);
}

TEST_F(HashMapTest, GrowsPastManyRehashes)
{
    HashMap<uint64_t, uint64_t> map;
    std::unordered_map<uint64_t, uint64_t> reference;
    for (uint64_t i = 0; i < 5000; ++i) {
        ASSERT_FALSE(map.try_set(i * 7919, i).is_error());
        reference[i * 7919] = i;
    }
    expect_matches(map, reference);
}

TEST_F(HashMapTest, BackwardShiftWithOneChain)
{
    HashMap<uint64_t, uint64_t, ConstantHash> map;
    std::unordered_map<uint64_t, uint64_t> reference;
    for (uint64_t i = 0; i < 40; ++i) {
        ASSERT_FALSE(map.try_set(i, i * 2).is_error());
        reference[i] = i * 2;
    }
    // Remove from the front, the middle and the end of the chain.
    for (uint64_t key : { 0ull, 20ull, 39ull, 1ull, 38ull, 19ull, 21ull }) {
        ASSERT_TRUE(map.remove(key));
        reference.erase(key);
        expect_matches(map, reference);
    }
}

// Removes every key in every order pattern from a table whose chains wrap
// past the last slot, checking all survivors after each removal.
TEST_F(HashMapTest, BackwardShiftWithWrappingChains)
{
    for (unsigned pattern = 0; pattern < 4; ++pattern) {
        HashMap<uint64_t, uint64_t, CollidingHash> map;
        std::unordered_map<uint64_t, uint64_t> reference;
        for (uint64_t key = 0; key < 11; ++key) { // stays within 16 slots
            ASSERT_FALSE(map.try_set(key, key + 100).is_error());
            reference[key] = key + 100;
        }
        std::vector<uint64_t> order;
        for (uint64_t key = 0; key < 11; ++key)
            order.push_back(key);
        if (pattern == 1)
            std::reverse(order.begin(), order.end());
        if (pattern >= 2)
            std::shuffle(order.begin(), order.end(), std::mt19937(pattern));
        for (uint64_t key : order) {
            ASSERT_TRUE(map.remove(key));
            reference.erase(key);
            expect_matches(map, reference);
            ASSERT_FALSE(map.remove(key));
        }
        EXPECT_TRUE(map.is_empty());
    }
}

template <typename H>
void randomized_against_reference(unsigned seed, uint64_t key_space, int operations)
{
    HashMap<uint64_t, uint64_t, H> map;
    std::unordered_map<uint64_t, uint64_t> reference;
    std::mt19937_64 random(seed);
    for (int op = 0; op < operations; ++op) {
        uint64_t key = random() % key_space;
        switch (random() % 3) {
        case 0:
        case 1: {
            uint64_t value = random();
            ASSERT_FALSE(map.try_set(key, value).is_error());
            reference[key] = value;
            break;
        }
        case 2:
            ASSERT_EQ(map.remove(key), reference.erase(key) == 1) << "op " << op;
            break;
        }
        auto* found = map.get(key);
        auto it = reference.find(key);
        ASSERT_EQ(found != nullptr, it != reference.end()) << "op " << op;
        if (found) {
            ASSERT_EQ(*found, it->second);
        }
        if (op % 500 == 0)
            expect_matches(map, reference);
    }
    expect_matches(map, reference);
}

TEST_F(HashMapTest, RandomizedAgainstUnorderedMap)
{
    randomized_against_reference<klib::Hash<uint64_t>>(1, 2000, 20000);
}

TEST_F(HashMapTest, RandomizedWithCollisions)
{
    // Few homes, many keys: long chains crossing the end of the table.
    randomized_against_reference<CollidingHash>(2, 200, 8000);
}

TEST_F(HashMapTest, RandomizedWithBadLowBits)
{
    struct LowBitsZero {
        static uint64_t hash(uint64_t key) { return key << 8; }
    };
    randomized_against_reference<LowBitsZero>(3, 300, 5000);
}

TEST_F(HashMapTest, ValuesAreDestroyedExactlyOnce)
{
    {
        HashMap<uint64_t, Tracked, CollidingHash> map;
        for (uint64_t i = 0; i < 200; ++i)
            ASSERT_FALSE(map.try_set(i, Tracked(static_cast<int>(i))).is_error());
        EXPECT_EQ(Tracked::live_count(), 200u);
        for (uint64_t i = 0; i < 200; i += 3)
            ASSERT_TRUE(map.remove(i));
        ASSERT_FALSE(map.try_set(1, Tracked(-1)).is_error()); // replace
        ASSERT_TRUE(map.contains(1) && map.contains(2));
        EXPECT_EQ(map.get(1)->value(), -1);
        EXPECT_EQ(map.get(2)->value(), 2);
        EXPECT_EQ(Tracked::live_count(), map.size());
        map.clear();
        EXPECT_EQ(Tracked::live_count(), 0u);
        ASSERT_FALSE(map.try_set(5, Tracked(5)).is_error());
    }
    EXPECT_EQ(Tracked::live_count(), 0u);
}

TEST_F(HashMapTest, TrackedKeys)
{
    struct TrackedHash {
        static uint64_t hash(const Tracked& t) { return static_cast<uint64_t>(t.value()) % 4; }
    };
    {
        HashMap<Tracked, Tracked, TrackedHash> map;
        for (int i = 0; i < 50; ++i)
            ASSERT_FALSE(map.try_set(Tracked(i), Tracked(i * 10)).is_error());
        for (int i = 0; i < 50; i += 2)
            ASSERT_TRUE(map.remove(Tracked(i)));
        for (int i = 1; i < 50; i += 2) {
            ASSERT_TRUE(map.contains(Tracked(i))) << i;
            EXPECT_EQ(map.get(Tracked(i))->value(), i * 10);
        }
        EXPECT_EQ(Tracked::live_count(), 50u);
    }
}

} // namespace
