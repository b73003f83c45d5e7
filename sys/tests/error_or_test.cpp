#include <gtest/gtest.h>

#include <string>

#include "lib/error_or.h"
#include "lib/own_ptr.h"
#include "tracked.h"

namespace {

using klib::Error;
using klib::ErrorCode;
using klib::ErrorOr;
using klib::OwnPtr;
using test::Tracked;

class ErrorOrTest : public test::TrackedTest {};

ErrorOr<int> parse_digit(char c)
{
    if (c < '0' || c > '9')
        return ErrorCode::Invalid;
    return c - '0';
}

// TRY yields the value on success and returns the error otherwise; the
// counter proves the code after a failing TRY never runs.
int g_reached = 0;

ErrorOr<int> sum_digits(char a, char b)
{
    int x = TRY(parse_digit(a));
    ++g_reached;
    int y = TRY(parse_digit(b));
    ++g_reached;
    return x + y;
}

ErrorOr<void> check_digit(char c)
{
    TRY(parse_digit(c));
    return {};
}

ErrorOr<void> check_both(char a, char b)
{
    TRY(check_digit(a));
    ++g_reached;
    TRY(check_digit(b));
    ++g_reached;
    return {};
}

ErrorOr<OwnPtr<Tracked>> make_tracked(int value, bool fail)
{
    if (fail)
        return ErrorCode::NoMemory;
    return TRY(klib::try_make<Tracked>(value));
}

ErrorOr<int> unwrap_tracked(int value, bool fail)
{
    OwnPtr<Tracked> p = TRY(make_tracked(value, fail));
    return p->value();
}

TEST_F(ErrorOrTest, HoldsValueOrError)
{
    ErrorOr<int> value = 5;
    EXPECT_FALSE(value.is_error());
    EXPECT_EQ(value.value(), 5);
    EXPECT_EQ(value.release_value(), 5);

    ErrorOr<int> error = Error(ErrorCode::Fault);
    ASSERT_TRUE(error.is_error());
    EXPECT_EQ(error.error(), ErrorCode::Fault);
    EXPECT_EQ(error.release_error(), Error(ErrorCode::Fault));

    const ErrorOr<std::string> text = std::string("hello");
    EXPECT_EQ(text.value(), "hello");
}

TEST_F(ErrorOrTest, TryPropagatesInValueFunctions)
{
    g_reached = 0;
    auto good = sum_digits('3', '4');
    ASSERT_FALSE(good.is_error());
    EXPECT_EQ(good.value(), 7);
    EXPECT_EQ(g_reached, 2);

    g_reached = 0;
    auto first_bad = sum_digits('x', '4');
    ASSERT_TRUE(first_bad.is_error());
    EXPECT_EQ(first_bad.error(), ErrorCode::Invalid);
    EXPECT_EQ(g_reached, 0);

    g_reached = 0;
    EXPECT_TRUE(sum_digits('1', 'y').is_error());
    EXPECT_EQ(g_reached, 1);
}

TEST_F(ErrorOrTest, TryPropagatesInVoidFunctions)
{
    ErrorOr<void> ok;
    EXPECT_FALSE(ok.is_error());

    g_reached = 0;
    EXPECT_FALSE(check_both('1', '2').is_error());
    EXPECT_EQ(g_reached, 2);

    g_reached = 0;
    auto bad = check_both('1', '-');
    ASSERT_TRUE(bad.is_error());
    EXPECT_EQ(bad.error(), ErrorCode::Invalid);
    EXPECT_EQ(g_reached, 1);

    ErrorOr<void> from_code = ErrorCode::Busy;
    ASSERT_TRUE(from_code.is_error());
    EXPECT_EQ(from_code.release_error(), ErrorCode::Busy);
}

TEST_F(ErrorOrTest, MoveOnlyValuesThroughTry)
{
    auto good = unwrap_tracked(12, false);
    ASSERT_FALSE(good.is_error());
    EXPECT_EQ(good.value(), 12);
    auto bad = unwrap_tracked(12, true);
    ASSERT_TRUE(bad.is_error());
    EXPECT_EQ(bad.error(), ErrorCode::NoMemory);
    EXPECT_EQ(Tracked::live_count(), 0u);
}

TEST_F(ErrorOrTest, DestroysItsValueExactlyOnce)
{
    {
        ErrorOr<Tracked> a = Tracked(1);
        EXPECT_EQ(Tracked::live_count(), 1u);
        ErrorOr<Tracked> b(std::move(a)); // both hold a (moved-from) value
        EXPECT_EQ(Tracked::live_count(), 2u);
        EXPECT_EQ(b.value().value(), 1);
        Tracked taken = b.release_value();
        EXPECT_EQ(taken.value(), 1);
        ErrorOr<Tracked> error = ErrorCode::IoError;
        ErrorOr<Tracked> moved_error(std::move(error));
        EXPECT_EQ(moved_error.error(), ErrorCode::IoError);
    }
    EXPECT_EQ(Tracked::live_count(), 0u);
}

} // namespace
