// The kernel's timer queue: deadline order, one-shot and periodic timers,
// missed periods, cancelling, and callbacks that change the queue.
#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "time/timer_queue.h"

namespace {

using ktime::Timer;
using ktime::TimerQueue;

// A timer whose callback notes its name in a shared log and then does
// whatever the test adds.
struct Probe {
    Probe(std::string label, std::vector<std::string>& shared_log) : name(std::move(label)), log(shared_log) {}
    ~Probe()
    {
        if (queue)
            queue->cancel(timer);
    }

    static void fire(void* context)
    {
        auto* probe = static_cast<Probe*>(context);
        probe->log.push_back(probe->name);
        ++probe->fired;
        if (probe->then)
            probe->then();
    }

    std::string name;
    std::vector<std::string>& log;
    Timer timer { fire, this };
    TimerQueue* queue { nullptr };
    int fired { 0 };
    std::function<void()> then;
};

class TimerQueueTest : public ::testing::Test {
protected:
    Probe& probe(const std::string& name)
    {
        probes_.push_back(std::make_unique<Probe>(name, log_));
        probes_.back()->queue = &queue_;
        return *probes_.back();
    }

    TimerQueue queue_;
    std::vector<std::string> log_;
    std::vector<std::unique_ptr<Probe>> probes_;
};

TEST_F(TimerQueueTest, EmptyQueueRunsNothing)
{
    EXPECT_TRUE(queue_.is_empty());
    EXPECT_EQ(queue_.next_deadline(), UINT64_MAX);
    EXPECT_EQ(queue_.run_due(UINT64_MAX), 0u);
}

TEST_F(TimerQueueTest, RunsDueTimersInDeadlineOrder)
{
    Probe& late = probe("late");
    Probe& early = probe("early");
    Probe& middle = probe("middle");
    queue_.arm(late.timer, 1000, 300, 0);
    queue_.arm(early.timer, 1000, 100, 0);
    queue_.arm(middle.timer, 1000, 200, 0);
    EXPECT_EQ(queue_.next_deadline(), 1100u);
    EXPECT_EQ(queue_.run_due(1099), 0u);
    EXPECT_EQ(queue_.run_due(1250), 2u);
    EXPECT_EQ(log_, (std::vector<std::string> { "early", "middle" }));
    EXPECT_EQ(queue_.next_deadline(), 1300u);
    EXPECT_EQ(queue_.run_due(5000), 1u);
    EXPECT_EQ(log_, (std::vector<std::string> { "early", "middle", "late" }));
    EXPECT_TRUE(queue_.is_empty());
}

TEST_F(TimerQueueTest, EqualDeadlinesRunInArmingOrder)
{
    Probe& first = probe("first");
    Probe& second = probe("second");
    Probe& third = probe("third");
    queue_.arm(first.timer, 0, 50, 0);
    queue_.arm(second.timer, 10, 40, 0);
    queue_.arm(third.timer, 50, 0, 0); // no delay: due at once
    queue_.run_due(50);
    EXPECT_EQ(log_, (std::vector<std::string> { "first", "second", "third" }));
}

TEST_F(TimerQueueTest, OneShotFiresOnce)
{
    Probe& once = probe("once");
    queue_.arm(once.timer, 0, 10, 0);
    EXPECT_TRUE(once.timer.is_armed());
    queue_.run_due(10);
    EXPECT_FALSE(once.timer.is_armed());
    queue_.run_due(1000000);
    EXPECT_EQ(once.fired, 1);
}

TEST_F(TimerQueueTest, PeriodicFiresEveryPeriodOnItsPhase)
{
    Probe& beat = probe("beat");
    queue_.arm(beat.timer, 5, 100, 10); // due at 105, 115, 125...
    EXPECT_EQ(beat.timer.deadline_ns(), 105u);
    for (uint64_t now = 105; now <= 145; now += 10)
        queue_.run_due(now);
    EXPECT_EQ(beat.fired, 5);
    EXPECT_EQ(beat.timer.deadline_ns(), 155u);
    // A run between deadlines keeps the phase.
    queue_.run_due(157);
    EXPECT_EQ(beat.fired, 6);
    EXPECT_EQ(beat.timer.deadline_ns(), 165u);
    EXPECT_TRUE(beat.timer.is_armed());
}

TEST_F(TimerQueueTest, MissedPeriodsAreSkippedNotBurst)
{
    Probe& beat = probe("beat");
    queue_.arm(beat.timer, 0, 10, 10);
    EXPECT_EQ(queue_.run_due(95), 1u); // nine periods late: one call
    EXPECT_EQ(beat.fired, 1);
    EXPECT_EQ(beat.timer.deadline_ns(), 100u);
    // Exactly on a deadline: the next one is a full period later.
    queue_.run_due(100);
    EXPECT_EQ(beat.timer.deadline_ns(), 110u);
}

TEST_F(TimerQueueTest, PeriodShorterThanTheRunsFiresOncePerRun)
{
    Probe& fast = probe("fast");
    queue_.arm(fast.timer, 0, 1, 1);
    for (uint64_t now = 4; now <= 40; now += 4)
        EXPECT_EQ(queue_.run_due(now), 1u);
    EXPECT_EQ(fast.fired, 10);
}

TEST_F(TimerQueueTest, CancelStopsOneShotAndPeriodic)
{
    Probe& once = probe("once");
    Probe& beat = probe("beat");
    queue_.arm(once.timer, 0, 10, 0);
    queue_.arm(beat.timer, 0, 10, 10);
    queue_.run_due(10);
    EXPECT_EQ(beat.fired, 1);
    EXPECT_FALSE(queue_.cancel(once.timer)); // already fired
    EXPECT_TRUE(queue_.cancel(beat.timer));
    EXPECT_FALSE(queue_.cancel(beat.timer));
    EXPECT_FALSE(beat.timer.is_armed());
    EXPECT_EQ(queue_.run_due(1000), 0u);
    EXPECT_EQ(beat.fired, 1);
    EXPECT_TRUE(queue_.is_empty());
}

TEST_F(TimerQueueTest, ReArmingMovesTheDeadline)
{
    Probe& a = probe("a");
    Probe& b = probe("b");
    queue_.arm(a.timer, 0, 10, 0);
    queue_.arm(b.timer, 0, 20, 0);
    queue_.arm(a.timer, 0, 30, 5); // later, and now periodic
    EXPECT_EQ(queue_.size(), 2u);
    queue_.run_due(20);
    EXPECT_EQ(log_, (std::vector<std::string> { "b" }));
    queue_.run_due(30);
    queue_.run_due(35);
    EXPECT_EQ(log_, (std::vector<std::string> { "b", "a", "a" }));
}

TEST_F(TimerQueueTest, FarDeadlinesSaturate)
{
    Probe& far = probe("far");
    queue_.arm(far.timer, UINT64_MAX - 5, 100, UINT64_MAX);
    EXPECT_EQ(far.timer.deadline_ns(), UINT64_MAX);
    EXPECT_EQ(queue_.run_due(UINT64_MAX - 1), 0u);
    EXPECT_EQ(queue_.run_due(UINT64_MAX), 1u);
    // No period fits after the end of time: it stops rather than loops.
    EXPECT_FALSE(far.timer.is_armed());
}

TEST_F(TimerQueueTest, CallbackMayCancelItself)
{
    Probe& beat = probe("beat");
    beat.then = [&] {
        if (beat.fired == 2) {
            EXPECT_TRUE(queue_.cancel(beat.timer));
        }
    };
    queue_.arm(beat.timer, 0, 10, 10);
    for (uint64_t now = 10; now <= 100; now += 10)
        queue_.run_due(now);
    EXPECT_EQ(beat.fired, 2);
    EXPECT_FALSE(beat.timer.is_armed());
}

TEST_F(TimerQueueTest, CallbackReArmingWithNoDelayRunsOnTheNextPass)
{
    Probe& again = probe("again");
    again.then = [&] { queue_.arm(again.timer, 10, 0, 0); };
    queue_.arm(again.timer, 0, 10, 0);
    EXPECT_EQ(queue_.run_due(10), 1u); // not an endless loop
    EXPECT_TRUE(again.timer.is_armed());
    EXPECT_EQ(queue_.run_due(10), 1u);
    EXPECT_EQ(again.fired, 2);
}

TEST_F(TimerQueueTest, CallbackMayCancelAndArmOthers)
{
    Probe& doomed = probe("doomed");
    Probe& born = probe("born");
    Probe& killer = probe("killer");
    killer.then = [&] {
        queue_.cancel(doomed.timer);
        queue_.arm(born.timer, 10, 5, 0);
    };
    queue_.arm(killer.timer, 0, 10, 0);
    queue_.arm(doomed.timer, 0, 10, 0); // due with the killer, after it
    EXPECT_EQ(queue_.run_due(10), 1u);
    EXPECT_EQ(log_, (std::vector<std::string> { "killer" }));
    EXPECT_FALSE(doomed.timer.is_armed());
    queue_.run_due(15);
    EXPECT_EQ(log_, (std::vector<std::string> { "killer", "born" }));
}

TEST_F(TimerQueueTest, CallbackReArmingALaterDueTimerDelaysIt)
{
    Probe& mover = probe("mover");
    Probe& moved = probe("moved");
    mover.then = [&] { queue_.arm(moved.timer, 10, 20, 0); };
    queue_.arm(mover.timer, 0, 10, 0);
    queue_.arm(moved.timer, 0, 10, 0);
    EXPECT_EQ(queue_.run_due(10), 1u);
    EXPECT_EQ(moved.timer.deadline_ns(), 30u);
    EXPECT_EQ(queue_.run_due(30), 1u);
    EXPECT_EQ(log_, (std::vector<std::string> { "mover", "moved" }));
}

TEST_F(TimerQueueTest, CallbackMayCancelAndFreeItsOwnTimer)
{
    // The queue does not touch a timer after its callback returns (ASan
    // would report the use after free).
    struct Owned {
        TimerQueue* queue;
        Timer* timer;
        int fired;
    };
    Owned owned { &queue_, nullptr, 0 };
    owned.timer = new Timer(
        [](void* context) {
            auto* self = static_cast<Owned*>(context);
            ++self->fired;
            self->queue->cancel(*self->timer);
            delete self->timer;
            self->timer = nullptr;
        },
        &owned);
    queue_.arm(*owned.timer, 0, 10, 10);
    EXPECT_EQ(queue_.run_due(10), 1u);
    EXPECT_EQ(owned.fired, 1);
    EXPECT_EQ(owned.timer, nullptr);
    EXPECT_TRUE(queue_.is_empty());
}

} // namespace
