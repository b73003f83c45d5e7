#include <gtest/gtest.h>

#include "lib/optional.h"
#include "tracked.h"

namespace {

using klib::Optional;
using test::Tracked;

class OptionalTest : public test::TrackedTest {};

TEST_F(OptionalTest, EmptyAndFull)
{
    Optional<int> none;
    EXPECT_FALSE(none.has_value());
    EXPECT_FALSE(static_cast<bool>(none));
    EXPECT_EQ(none.value_or(3), 3);
    Optional<int> also_none = klib::nullopt;
    EXPECT_FALSE(also_none);

    Optional<int> some = 4;
    ASSERT_TRUE(some);
    EXPECT_EQ(*some, 4);
    EXPECT_EQ(some.value_or(3), 4);
    *some = 5;
    EXPECT_EQ(some.value(), 5);
    const Optional<int>& view = some;
    EXPECT_EQ(*view, 5);
}

TEST_F(OptionalTest, ArrowReachesMembers)
{
    Optional<Tracked> t = Tracked(8);
    EXPECT_EQ(t->value(), 8);
    const Optional<Tracked>& c = t;
    EXPECT_EQ(c->value(), 8);
}

TEST_F(OptionalTest, CopyAndMoveKeepObjectCountsRight)
{
    {
        Optional<Tracked> a = Tracked(1);
        Optional<Tracked> b = a;
        EXPECT_EQ(Tracked::live_count(), 2u);
        EXPECT_EQ(b->value(), 1);

        Optional<Tracked> c = std::move(a);
        EXPECT_FALSE(a.has_value()); // moving empties the source
        EXPECT_EQ(c->value(), 1);
        EXPECT_EQ(Tracked::live_count(), 2u);

        Optional<Tracked> d = Tracked(9);
        d = b; // replaces: the old 9 dies
        EXPECT_EQ(d->value(), 1);
        EXPECT_EQ(Tracked::live_count(), 3u);

        d = Optional<Tracked>(); // assigning empty empties
        EXPECT_FALSE(d);
        EXPECT_EQ(Tracked::live_count(), 2u);

        d = std::move(c);
        EXPECT_TRUE(d);
        EXPECT_FALSE(c);
        EXPECT_EQ(Tracked::live_count(), 2u);

        // Self-assignment is harmless.
        Optional<Tracked>& alias = d;
        d = alias;
        d = std::move(alias);
        EXPECT_EQ(d->value(), 1);

        d.reset();
        d.reset();
        EXPECT_EQ(Tracked::live_count(), 1u);
    }
    EXPECT_EQ(Tracked::live_count(), 0u);
}

} // namespace
