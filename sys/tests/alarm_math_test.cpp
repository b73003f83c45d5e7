// alarm()'s deadlines and the seconds it reports about the previous alarm.
#include <gtest/gtest.h>

#include "proc/alarm_math.h"

namespace {

using proc::alarm_deadline;
using proc::alarm_seconds_left;
using proc::kNanosecondsPerSecond;

constexpr uint64_t kNow = 5 * kNanosecondsPerSecond + 123;

TEST(AlarmMath, ZeroSecondsMeansNoAlarm)
{
    EXPECT_EQ(alarm_deadline(kNow, 0), 0u);
    EXPECT_EQ(alarm_seconds_left(0, kNow), 0u);
}

TEST(AlarmMath, DeadlineIsNowPlusTheSeconds)
{
    EXPECT_EQ(alarm_deadline(kNow, 1), kNow + kNanosecondsPerSecond);
    EXPECT_EQ(alarm_deadline(0, 3), 3 * kNanosecondsPerSecond);
    EXPECT_EQ(alarm_deadline(kNow, UINT32_MAX), kNow + UINT32_MAX * kNanosecondsPerSecond);
    // Far in the monotonic future it saturates instead of wrapping.
    EXPECT_EQ(alarm_deadline(UINT64_MAX - 10, 1), UINT64_MAX);
}

TEST(AlarmMath, SecondsLeftRoundUp)
{
    uint64_t deadline = alarm_deadline(kNow, 10);
    EXPECT_EQ(alarm_seconds_left(deadline, kNow), 10u);
    EXPECT_EQ(alarm_seconds_left(deadline, kNow + 1), 10u);
    EXPECT_EQ(alarm_seconds_left(deadline, kNow + kNanosecondsPerSecond), 9u);
    EXPECT_EQ(alarm_seconds_left(deadline, kNow + kNanosecondsPerSecond + 1), 9u);
    EXPECT_EQ(alarm_seconds_left(deadline, deadline - 1), 1u);
}

TEST(AlarmMath, DueButUndeliveredStillCountsOne)
{
    uint64_t deadline = alarm_deadline(kNow, 2);
    EXPECT_EQ(alarm_seconds_left(deadline, deadline), 1u);
    EXPECT_EQ(alarm_seconds_left(deadline, deadline + 5 * kNanosecondsPerSecond), 1u);
}

TEST(AlarmMath, HugeRemaindersFitUnsigned)
{
    EXPECT_EQ(alarm_seconds_left(UINT64_MAX, 0), UINT32_MAX);
    EXPECT_EQ(alarm_seconds_left(alarm_deadline(0, UINT32_MAX), 0), UINT32_MAX);
}

} // namespace
