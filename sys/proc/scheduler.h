#pragma once
#include "arch/x86_64/interrupts/frame.h"
#include "lib/own_ptr.h"
#include "proc/thread.h"

// Round-robin scheduling of runnable threads on the boot CPU. Kernel
// threads run until they block or yield; user threads are also preempted
// by the timer.
namespace sched {

// Turns the running boot code into the idle thread.
void init();
proc::Thread& current();
// Whether threads exist yet (they do once init() has run).
bool ready();
// False on the boot thread, which becomes the idle thread and must never
// block (code it runs is told so).
bool can_block();
// The thread must stay alive while runnable (its owner keeps it).
void make_runnable(proc::Thread&);
void yield();
// Switches to the next runnable thread; the current one must already be
// queued somewhere (run queue or a wait queue) or be dead. Interrupts off.
void schedule();
[[noreturn]] void exit_current_thread();
// The idle loop: runs when nothing else can.
[[noreturn]] void run_idle();

// Timed blocking: a blocked thread with a deadline is also on the sleepers
// list, ordered by deadline; the timer wakes it with TimedOut.
void add_sleeper(proc::Thread&, uint64_t deadline_ns);
void remove_sleeper(proc::Thread&);
// Blocks the current thread until the deadline (TimedOut) or a signal
// (Interrupted, when interruptible).
proc::WakeReason sleep_until(uint64_t deadline_ns, bool interruptible);

// Timer hook: wakes due sleepers and notes that the running thread's
// slice is over.
void timer_tick();
// Called on the way back to user mode: switches if a preemption is due.
void preempt_if_due(const arch::InterruptFrame&);

} // namespace sched
