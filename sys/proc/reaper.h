#pragma once

namespace proc {
class Process;
}

// Zombies nobody will wait for (their parent is the kernel, or gone with
// no init to adopt them) are released here, on a thread of their own: a
// process cannot free itself while still running on its own stack.
namespace proc::reaper {

void start();
void adopt_orphan(Process&);

} // namespace proc::reaper
