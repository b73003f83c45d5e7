#pragma once
// alarm(): one SIGALRM deadline per process, on the monotonic clock,
// checked from the timer interrupt. fork's child starts without one (a new
// process has none), exec keeps it, exit drops it.
#include <stdint.h>

namespace proc {

class Process;

// Arms the alarm `seconds` from now (0 cancels it); returns the seconds the
// previous one had left (alarm_math.h).
uint32_t set_alarm(Process&, uint32_t seconds);
// The timer interrupt: SIGALRM to every process whose alarm is due.
void deliver_due_alarms();

} // namespace proc
