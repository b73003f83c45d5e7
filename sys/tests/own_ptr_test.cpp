#include <gtest/gtest.h>

#include "lib/own_ptr.h"
#include "tracked.h"

namespace {

using klib::OwnPtr;
using test::Tracked;

class OwnPtrTest : public test::TrackedTest {};

struct Base {
    virtual ~Base() = default;
    virtual int id() const { return 1; }
};
struct Derived : Base {
    explicit Derived(Tracked t) : tracked(std::move(t)) {}
    int id() const override { return 2; }
    Tracked tracked;
};

TEST_F(OwnPtrTest, OwnsAndDeletesOnce)
{
    {
        OwnPtr<Tracked> p(new Tracked(3));
        EXPECT_TRUE(p);
        EXPECT_EQ(p->value(), 3);
        EXPECT_EQ((*p).value(), 3);
        OwnPtr<Tracked> q = std::move(p);
        EXPECT_FALSE(p);
        EXPECT_EQ(p.get(), nullptr);
        EXPECT_EQ(q->value(), 3);
        EXPECT_EQ(Tracked::live_count(), 1u);
        q.reset(new Tracked(4)); // the 3 goes
        EXPECT_EQ(Tracked::live_count(), 1u);
        OwnPtr<Tracked> r(new Tracked(5));
        r = std::move(q); // the 5 goes
        EXPECT_EQ(r->value(), 4);
        OwnPtr<Tracked>& alias = r;
        r = std::move(alias);
        EXPECT_EQ(r->value(), 4);
        EXPECT_EQ(Tracked::live_count(), 1u);
    }
    EXPECT_EQ(Tracked::live_count(), 0u);
}

TEST_F(OwnPtrTest, LeakGivesUpOwnership)
{
    OwnPtr<Tracked> p(new Tracked(6));
    Tracked* raw = p.leak();
    EXPECT_FALSE(p);
    EXPECT_EQ(Tracked::live_count(), 1u);
    delete raw;
    OwnPtr<Tracked> empty = nullptr;
    EXPECT_EQ(empty.leak(), nullptr);
}

TEST_F(OwnPtrTest, ConvertsToBase)
{
    OwnPtr<Derived> d(new Derived(Tracked(7)));
    OwnPtr<Base> b = std::move(d);
    EXPECT_FALSE(d);
    EXPECT_EQ(b->id(), 2);
    b.reset();
    EXPECT_EQ(Tracked::live_count(), 0u);
}

TEST_F(OwnPtrTest, TryMakeForwardsArguments)
{
    auto made = klib::try_make<Derived>(Tracked(11));
    ASSERT_FALSE(made.is_error());
    OwnPtr<Derived> d = made.release_value();
    EXPECT_EQ(d->tracked.value(), 11);
}

} // namespace
