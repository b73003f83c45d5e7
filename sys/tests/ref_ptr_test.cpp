#include <gtest/gtest.h>

#include "lib/ref_ptr.h"

namespace {

using klib::RefPtr;

// Counts destructions, so each test can prove "exactly once".
struct Counted : klib::RefCounted<Counted> {
    explicit Counted(int* destroyed_counter, int v = 0) : destroyed(destroyed_counter), value(v) {}
    ~Counted() { ++*destroyed; }
    int* destroyed;
    int value;
};

TEST(RefPtr, AdoptStartsAtOneAndDestroysOnce)
{
    int destroyed = 0;
    {
        RefPtr<Counted> p(RefPtr<Counted>::Adopt, new Counted(&destroyed, 5));
        EXPECT_EQ(p->ref_count(), 1u);
        EXPECT_EQ((*p).value, 5);
    }
    EXPECT_EQ(destroyed, 1);
}

TEST(RefPtr, CopiesShareAndCount)
{
    int destroyed = 0;
    {
        auto made = klib::try_make_ref<Counted>(&destroyed);
        ASSERT_FALSE(made.is_error());
        RefPtr<Counted> a = made.release_value();
        EXPECT_EQ(a->ref_count(), 1u);
        {
            RefPtr<Counted> b = a;
            RefPtr<Counted> c;
            c = b;
            EXPECT_EQ(a->ref_count(), 3u);
            EXPECT_TRUE(b == a);
            RefPtr<Counted> moved = std::move(c);
            EXPECT_FALSE(c);
            EXPECT_EQ(a->ref_count(), 3u);
        }
        EXPECT_EQ(a->ref_count(), 1u);
        EXPECT_EQ(destroyed, 0);
        // Self-assignment keeps the count.
        RefPtr<Counted>& alias = a;
        a = alias;
        EXPECT_EQ(a->ref_count(), 1u);
        a = std::move(alias);
        EXPECT_EQ(a->ref_count(), 1u);
        EXPECT_EQ(destroyed, 0);
    }
    EXPECT_EQ(destroyed, 1);
}

TEST(RefPtr, RawPointerConstructionTakesAReference)
{
    int destroyed = 0;
    RefPtr<Counted> owner(RefPtr<Counted>::Adopt, new Counted(&destroyed));
    {
        RefPtr<Counted> extra(owner.get());
        EXPECT_EQ(owner->ref_count(), 2u);
    }
    EXPECT_EQ(owner->ref_count(), 1u);
    // Replacing the last reference destroys the old object at once.
    int destroyed2 = 0;
    owner = RefPtr<Counted>(RefPtr<Counted>::Adopt, new Counted(&destroyed2));
    EXPECT_EQ(destroyed, 1);
    owner = nullptr;
    EXPECT_EQ(destroyed2, 1);
    EXPECT_FALSE(owner);
}

TEST(RefPtr, LeakRefKeepsObjectAlive)
{
    int destroyed = 0;
    Counted* raw;
    {
        RefPtr<Counted> p(RefPtr<Counted>::Adopt, new Counted(&destroyed));
        raw = p.leak_ref();
        EXPECT_FALSE(p);
    }
    EXPECT_EQ(destroyed, 0);
    raw->ref();
    raw->unref();
    EXPECT_EQ(destroyed, 0);
    raw->unref();
    EXPECT_EQ(destroyed, 1);
}

TEST(RefPtr, ManyHoldersLastOneDestroys)
{
    int destroyed = 0;
    RefPtr<Counted> holders[100];
    holders[0] = RefPtr<Counted>(RefPtr<Counted>::Adopt, new Counted(&destroyed));
    for (int i = 1; i < 100; ++i)
        holders[i] = holders[i - 1];
    EXPECT_EQ(holders[0]->ref_count(), 100u);
    for (int i = 0; i < 99; ++i)
        holders[i] = nullptr;
    EXPECT_EQ(destroyed, 0);
    holders[99] = nullptr;
    EXPECT_EQ(destroyed, 1);
}

} // namespace
