#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "lib/own_ptr.h"
#include "lib/vector.h"
#include "tracked.h"

namespace {

using klib::Vector;
using test::Tracked;

std::vector<int> values(const Vector<Tracked>& v)
{
    std::vector<int> out;
    for (const Tracked& t : v)
        out.push_back(t.value());
    return out;
}

class VectorTest : public test::TrackedTest {};

TEST_F(VectorTest, StartsEmpty)
{
    Vector<int> v;
    EXPECT_TRUE(v.is_empty());
    EXPECT_EQ(v.size(), 0u);
    EXPECT_EQ(v.capacity(), 0u);
    EXPECT_EQ(v.begin(), v.end());
    EXPECT_TRUE(v.span().is_empty());
}

TEST_F(VectorTest, AppendGrowsAndKeepsOrder)
{
    Vector<int> v;
    for (int i = 0; i < 1000; ++i)
        ASSERT_FALSE(v.try_append(i).is_error());
    ASSERT_EQ(v.size(), 1000u);
    EXPECT_GE(v.capacity(), 1000u);
    for (int i = 0; i < 1000; ++i)
        EXPECT_EQ(v[i], i);
    EXPECT_EQ(v.last(), 999);
    EXPECT_EQ(v.span().size(), 1000u);
    EXPECT_EQ(v.span()[10], 10);
}

TEST_F(VectorTest, InsertAnywhere)
{
    Vector<Tracked> v;
    ASSERT_FALSE(v.try_insert(0, Tracked(2)).is_error()); // into empty
    ASSERT_FALSE(v.try_insert(0, Tracked(0)).is_error()); // front
    ASSERT_FALSE(v.try_insert(2, Tracked(4)).is_error()); // end
    ASSERT_FALSE(v.try_insert(1, Tracked(1)).is_error()); // middle
    ASSERT_FALSE(v.try_insert(3, Tracked(3)).is_error());
    EXPECT_EQ(values(v), (std::vector<int> { 0, 1, 2, 3, 4 }));
    // Inserting through several reallocations.
    for (int i = 0; i < 50; ++i)
        ASSERT_FALSE(v.try_insert(v.size() / 2, Tracked(100 + i)).is_error());
    EXPECT_EQ(v.size(), 55u);
    EXPECT_EQ(Tracked::live_count(), 55u);
}

TEST_F(VectorTest, RemoveShiftsDownAndDestroysOne)
{
    Vector<Tracked> v;
    for (int i = 0; i < 6; ++i)
        ASSERT_FALSE(v.try_append(Tracked(i)).is_error());
    v.remove(0);
    EXPECT_EQ(values(v), (std::vector<int> { 1, 2, 3, 4, 5 }));
    v.remove(2);
    EXPECT_EQ(values(v), (std::vector<int> { 1, 2, 4, 5 }));
    v.remove(3);
    EXPECT_EQ(values(v), (std::vector<int> { 1, 2, 4 }));
    EXPECT_EQ(Tracked::live_count(), 3u);
    v.remove(0);
    v.remove(0);
    v.remove(0);
    EXPECT_TRUE(v.is_empty());
    EXPECT_EQ(Tracked::live_count(), 0u);
}

TEST_F(VectorTest, TakeLast)
{
    Vector<Tracked> v;
    ASSERT_FALSE(v.try_append(Tracked(7)).is_error());
    ASSERT_FALSE(v.try_append(Tracked(8)).is_error());
    Tracked last = v.take_last();
    EXPECT_EQ(last.value(), 8);
    EXPECT_EQ(v.size(), 1u);
    EXPECT_EQ(v.take_last().value(), 7);
    EXPECT_TRUE(v.is_empty());
    EXPECT_EQ(Tracked::live_count(), 1u); // only `last`
}

TEST_F(VectorTest, ReserveKeepsElementsAndCapacity)
{
    Vector<Tracked> v;
    ASSERT_FALSE(v.try_reserve(10).is_error());
    EXPECT_EQ(v.capacity(), 10u);
    Tracked* storage = v.data();
    for (int i = 0; i < 10; ++i)
        ASSERT_FALSE(v.try_append(Tracked(i)).is_error());
    EXPECT_EQ(v.data(), storage); // no reallocation within the reserve
    // Shrinking requests are ignored.
    ASSERT_FALSE(v.try_reserve(3).is_error());
    EXPECT_EQ(v.capacity(), 10u);
    ASSERT_FALSE(v.try_reserve(100).is_error());
    EXPECT_EQ(v.capacity(), 100u);
    EXPECT_EQ(v.size(), 10u);
    EXPECT_EQ(Tracked::live_count(), 10u); // the old copies were destroyed
    EXPECT_EQ(values(v), (std::vector<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
}

TEST_F(VectorTest, ImpossibleReserveFailsAndChangesNothing)
{
    Vector<uint64_t> v;
    ASSERT_FALSE(v.try_append(uint64_t { 5 }).is_error());
    auto result = v.try_reserve(SIZE_MAX / sizeof(uint64_t) + 1);
    ASSERT_TRUE(result.is_error());
    EXPECT_EQ(result.error(), klib::ErrorCode::NoMemory);
    EXPECT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0], 5u);
    EXPECT_EQ(v.capacity(), 4u);
}

TEST_F(VectorTest, MoveConstructionAndAssignment)
{
    Vector<Tracked> a;
    for (int i = 0; i < 5; ++i)
        ASSERT_FALSE(a.try_append(Tracked(i)).is_error());
    Vector<Tracked> b(std::move(a));
    EXPECT_TRUE(a.is_empty());
    EXPECT_EQ(a.capacity(), 0u);
    EXPECT_EQ(a.data(), nullptr);
    EXPECT_EQ(b.size(), 5u);

    Vector<Tracked> c;
    ASSERT_FALSE(c.try_append(Tracked(42)).is_error());
    c = std::move(b); // c's own element must die
    EXPECT_EQ(values(c), (std::vector<int> { 0, 1, 2, 3, 4 }));
    EXPECT_EQ(Tracked::live_count(), 5u);

    // Self move-assignment leaves the vector as it was.
    Vector<Tracked>& alias = c;
    c = std::move(alias);
    EXPECT_EQ(c.size(), 5u);

    // A moved-from vector is usable again.
    ASSERT_FALSE(a.try_append(Tracked(9)).is_error());
    EXPECT_EQ(a[0].value(), 9);
}

TEST_F(VectorTest, ClearDestroysButKeepsStorage)
{
    Vector<Tracked> v;
    for (int i = 0; i < 9; ++i)
        ASSERT_FALSE(v.try_append(Tracked(i)).is_error());
    size_t capacity = v.capacity();
    v.clear();
    EXPECT_EQ(Tracked::live_count(), 0u);
    EXPECT_EQ(v.capacity(), capacity);
    ASSERT_FALSE(v.try_append(Tracked(1)).is_error());
    EXPECT_EQ(v.size(), 1u);
}

TEST_F(VectorTest, MoveOnlyElements)
{
    Vector<klib::OwnPtr<Tracked>> v;
    for (int i = 0; i < 20; ++i) {
        auto p = klib::try_make<Tracked>(i);
        ASSERT_FALSE(p.is_error());
        ASSERT_FALSE(v.try_append(p.release_value()).is_error());
    }
    ASSERT_FALSE(v.try_insert(0, klib::OwnPtr<Tracked>(new Tracked(-5))).is_error());
    EXPECT_EQ(v[0]->value(), -5);
    EXPECT_EQ(v[20]->value(), 19);
    v.remove(5);
    auto last = v.take_last();
    EXPECT_EQ(last->value(), 19);
    EXPECT_EQ(Tracked::live_count(), 20u);
}

TEST_F(VectorTest, DestructionDestroysEveryElementOnce)
{
    {
        Vector<Tracked> v;
        for (int i = 0; i < 333; ++i)
            ASSERT_FALSE(v.try_append(Tracked(i)).is_error());
        for (int i = 0; i < 100; ++i)
            v.remove(static_cast<size_t>(i * 7) % v.size());
        EXPECT_EQ(Tracked::live_count(), 233u);
    }
    EXPECT_EQ(Tracked::live_count(), 0u);
}

// Appending one of the vector's own elements while it is full: the element
// must be copied before the old storage goes away.
TEST_F(VectorTest, AppendOwnElementWhileFull)
{
    Vector<Tracked> v;
    for (int i = 0; i < 4; ++i)
        ASSERT_FALSE(v.try_append(Tracked(i + 10)).is_error());
    ASSERT_EQ(v.size(), v.capacity());
    ASSERT_FALSE(v.try_append(v[0]).is_error());
    EXPECT_EQ(v[4].value(), 10);
}

} // namespace

namespace {

// Owns a heap int and counts live instances; opts in to being moved by its
// bytes, so these tests take Vector's memmove paths (ASan sees a lost or
// doubly freed int).
class Relocatable {
public:
    using TriviallyRelocatable = void;
    static int& live()
    {
        static int count = 0;
        return count;
    }
    explicit Relocatable(int value) : value_(new int(value)) { ++live(); }
    Relocatable(Relocatable&& other) : value_(other.value_)
    {
        other.value_ = nullptr;
        ++live();
    }
    Relocatable(const Relocatable&) = delete;
    Relocatable& operator=(const Relocatable&) = delete;
    ~Relocatable()
    {
        delete value_;
        --live();
    }
    int value() const { return value_ ? *value_ : -1; }

private:
    int* value_;
};
static_assert(klib::IsTriviallyRelocatable<Relocatable>::value);
static_assert(!klib::IsTriviallyRelocatable<Tracked>::value);

std::vector<int> values(const Vector<Relocatable>& v)
{
    std::vector<int> out;
    for (const Relocatable& r : v)
        out.push_back(r.value());
    return out;
}

TEST(VectorRelocatable, InsertAndRemoveByBytesKeepOrderAndOwnership)
{
    {
        Vector<Relocatable> v;
        ASSERT_FALSE(v.try_insert(0, Relocatable(2)).is_error());
        ASSERT_FALSE(v.try_insert(0, Relocatable(0)).is_error());
        ASSERT_FALSE(v.try_insert(2, Relocatable(4)).is_error());
        ASSERT_FALSE(v.try_insert(1, Relocatable(1)).is_error());
        ASSERT_FALSE(v.try_insert(3, Relocatable(3)).is_error());
        EXPECT_EQ(values(v), (std::vector<int> { 0, 1, 2, 3, 4 }));
        for (int i = 0; i < 50; ++i) // through several reallocations
            ASSERT_FALSE(v.try_insert(0, Relocatable(-10 - i)).is_error());
        EXPECT_EQ(v.size(), 55u);
        EXPECT_EQ(Relocatable::live(), 55);
        v.remove_range(0, 50);
        EXPECT_EQ(values(v), (std::vector<int> { 0, 1, 2, 3, 4 }));
        v.remove_range(1, 2);
        EXPECT_EQ(values(v), (std::vector<int> { 0, 3, 4 }));
        v.remove(2);
        v.remove_range(0, 0);
        EXPECT_EQ(values(v), (std::vector<int> { 0, 3 }));
        EXPECT_EQ(Relocatable::live(), 2);
    }
    EXPECT_EQ(Relocatable::live(), 0);
}

TEST_F(VectorTest, RemoveRangeByMoves)
{
    Vector<Tracked> v;
    for (int i = 0; i < 8; ++i)
        ASSERT_FALSE(v.try_append(Tracked(i)).is_error());
    v.remove_range(2, 3);
    EXPECT_EQ(values(v), (std::vector<int> { 0, 1, 5, 6, 7 }));
    v.remove_range(3, 2);
    EXPECT_EQ(values(v), (std::vector<int> { 0, 1, 5 }));
    EXPECT_EQ(Tracked::live_count(), 3u);
    v.remove_range(0, 3);
    EXPECT_TRUE(v.is_empty());
    EXPECT_EQ(Tracked::live_count(), 0u);
}

} // namespace
